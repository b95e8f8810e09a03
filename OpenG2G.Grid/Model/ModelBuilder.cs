using System.Globalization;
using OpenG2G.Core.Diagnostics;
using OpenG2G.Grid.Dss;
using OpenG2G.Grid.Model.Sources;

namespace OpenG2G.Grid.Model;

/// <summary>
/// Executes the commands of a <see cref="DssScript"/> against a <see cref="DssModel"/>: New, Edit,
/// <c>~</c>, the implicit <c>Class.Name.Property=value</c> form, Set, Clear, CalcVoltageBases.
/// Commands that change no model state (Solve, Show, Plot, Export, SetBusXY) are reported as
/// information. Every problem becomes one diagnostic with file:line:column; building carries on
/// with the next parameter so that one run reports them all.
/// </summary>
public sealed partial class ModelBuilder
{
    private readonly DssModel _model = new();
    private readonly List<Diagnostic> _diagnostics = new();
    private DssElement? _active;
    private bool _busCoordinatesNoted;
    private readonly HashSet<string> _notedClasses = new();
    private readonly Func<DssModel, IReadOnlyList<Diagnostic>>? _solve;

    private ModelBuilder(Func<DssModel, IReadOnlyList<Diagnostic>>? solve)
    {
        _solve = solve;
    }

    /// <summary>
    /// Build the model of <paramref name="script"/>; diagnostics include the script's own. Each <c>Solve</c>
    /// in the script calls <paramref name="solve"/> with the model as it stands there (OpenDSS solves where
    /// the command is: taps and capacitor steps it moves stay in the model, later edits override them);
    /// without it a Solve only records its options.
    /// </summary>
    public static (DssModel Model, IReadOnlyList<Diagnostic> Diagnostics) Build(DssScript script, Func<DssModel, IReadOnlyList<Diagnostic>>? solve = null)
    {
        var builder = new ModelBuilder(solve);
        builder._diagnostics.AddRange(script.Diagnostics);
        foreach (var command in script.Commands)
            builder.Execute(command);
        return (builder._model, builder._diagnostics);
    }

    private void Error(SourceLocation at, DssCommand command, string message) =>
        _diagnostics.Add(Diagnostic.Error(at, string.Empty, message + command.IncludeSuffix));

    private void Info(SourceLocation at, DssCommand command, string message) =>
        _diagnostics.Add(Diagnostic.Info(at, string.Empty, message + command.IncludeSuffix));

    private void Execute(DssCommand command)
    {
        string verb = command.Verb.ToLowerInvariant();
        switch (verb)
        {
            case "clear":
                _model.Clear();
                _active = null;
                break;
            case "new":
                New(command);
                break;
            case "edit":
                Edit(command);
                break;
            case "~" or "more" or "m":
                if (_active is null)
                    Error(command.Location, command, "'~' continues the previous New or Edit, but there is none before it");
                else
                    ApplyParameters(_active, command, 0);
                break;
            case "":
                ImplicitEdit(command);
                break;
            case "set":
                SetOptions(command);
                break;
            case "calcvoltagebases" or "calcv":
                _model.VoltageBasesCalculated = true;
                break;
            case "setbusxy":
                SetBusXy(command);
                break;
            case "solve":
                // OpenDSS solves here, in the control mode in force: regulators may move during compile.
                _model.ScriptSolveOptions = _model.Options;
                Info(command.Location, command, "'Solve' in the script: the feeder is solved here, with the elements and options in force at this point (regulators may move; later edits apply)");
                if (_solve is not null && !_diagnostics.Any(d => d.Severity == Severity.Error))
                    foreach (var d in _solve(_model))
                        _diagnostics.Add(d with { Location = command.Location, Message = d.Message + command.IncludeSuffix });
                break;
            case "batchedit":
                BatchEdit(command);
                break;
            case "show" or "plot" or "export" or "visualize" or "summary" or "buscoords" or "interpolate" or "cleanup"
                or "closedi" or "help" or "get" or "fileedit" or "sample" or "reset" or "totals":
                Info(command.Location, command, $"'{command.Verb}' changes no model state and is skipped while reading the feeder");
                break;
            default:
                Error(command.Location, command,
                    $"unknown command '{command.Verb}'; expected New, Edit, ~, Set, Redirect, Compile, Clear, CalcVoltageBases, BatchEdit, Solve, " +
                    "or one of Show, Plot, Export, SetBusXY (skipped)");
                break;
        }
    }

    private void New(DssCommand command)
    {
        if (command.Parameters.Length == 0)
        {
            Error(command.Location, command, "New needs an object, e.g. New Line.L1 bus1=a bus2=b");
            return;
        }
        var first = command.Parameters[0];
        bool named = first.Name.Equals("object", StringComparison.OrdinalIgnoreCase);
        if (!first.IsPositional && !named)
        {
            Error(first.NameLocation, command, $"New needs the object first (Class.Name), got '{first}'");
            return;
        }
        if (!TrySplitObject(first.Value, command, out string cls, out string name))
            return;
        if (cls.Equals("circuit", StringComparison.OrdinalIgnoreCase))
        {
            NewCircuit(name, command, first.Value.Location);
            return;
        }
        if (_model.Find(cls, name) is { } existing)
        {
            Error(first.Value.Location, command, $"{existing.FullName} is already defined at {existing.DefinedAt}");
            _active = null;
            return;
        }
        var element = DssModel.Create(cls, name, first.Value.Location);
        int start = 1;
        if (element is not null && command.Parameters.Length > 1 && command.Parameters[1].Name.Equals("like", StringComparison.OrdinalIgnoreCase))
        {
            var like = command.Parameters[1];
            var other = _model.Find(cls, like.Value.Text);
            if (other is null)
            {
                Error(like.Value.Location, command, $"{element.FullName}: like: {element.ClassName}.{like.Value.Text} is not defined");
                _active = null;
                return;
            }
            element = other.CloneAs(name, first.Value.Location);
            start = 2;
        }
        if (element is null && MeasurementElement.Classes.Contains(cls.ToLowerInvariant()))
        {
            element = new MeasurementElement(cls, name, first.Value.Location);
            if (_notedClasses.Add(element.ClassName))
                Info(first.Value.Location, command, $"{element.ClassName} objects do not affect the power flow; they are accepted and not simulated");
        }
        if (element is null)
        {
            Error(first.Value.Location, command,
                $"unknown or unsupported element class '{cls}'; supported: {string.Join(", ", DssModel.SupportedClasses)}");
            _active = null;
            return;
        }
        _model.Add(element);
        _active = element;
        ApplyParameters(element, command, start);
    }

    private void NewCircuit(string name, DssCommand command, SourceLocation at)
    {
        // A new circuit starts empty, but the default base frequency is a session setting in OpenDSS.
        double baseFrequency = _model.Options.DefaultBaseFrequencyHz;
        _model.ClearCircuit();
        _model.Options = _model.Options with { DefaultBaseFrequencyHz = baseFrequency };
        _model.CircuitName = name;
        if (_model.Find("loadshape", "default") is null)
            _model.Add(Shapes.LoadShapeElement.CreateDefault(at));
        var source = new VsourceElement("source", at);
        source.SetBus1(new BusSpec("sourcebus", "sourcebus", [], at));
        _model.Add(source);
        _active = source;
        ApplyParameters(source, command, 1);
    }

    private void Edit(DssCommand command)
    {
        if (command.Parameters.Length == 0 || !command.Parameters[0].IsPositional)
        {
            Error(command.Location, command, "Edit needs the object first, e.g. Edit Transformer.reg1a wdg=2 tap=1");
            return;
        }
        var first = command.Parameters[0];
        if (!TrySplitObject(first.Value, command, out string cls, out string name))
            return;
        var element = Lookup(cls, name, first.Value.Location, command);
        _active = element;
        if (element is not null)
            ApplyParameters(element, command, 1);
    }

    private void ImplicitEdit(DssCommand command)
    {
        var first = command.Parameters[0];
        string[] parts = first.Name.Split('.');
        if (parts.Length != 3)
        {
            Error(first.NameLocation, command,
                $"'{first.Name}' is not a command; expected a command such as New or Set, or Class.Name.Property=value");
            return;
        }
        var element = Lookup(parts[0], parts[1], first.NameLocation, command);
        if (element is null)
            return;
        _active = element;
        var rewritten = new DssParameter(parts[2], first.NameLocation, first.Value);
        int previous = ApplyParameter(element, rewritten, command);
        ApplyParameters(element, command, 1, previous);
    }

    private DssElement? Lookup(string cls, string name, SourceLocation at, DssCommand command)
    {
        if (cls.Equals("circuit", StringComparison.OrdinalIgnoreCase))
            cls = "vsource";
        var element = _model.Find(cls, name) ?? (cls.Equals("vsource", StringComparison.OrdinalIgnoreCase) && _model.CircuitName.Equals(name, StringComparison.OrdinalIgnoreCase)
            ? _model.Find("vsource", "source")
            : null);
        if (element is null)
            Error(at, command, $"{cls}.{name} is not defined");
        return element;
    }

    private bool TrySplitObject(DssValue value, DssCommand command, out string cls, out string name)
    {
        int dot = value.Text.IndexOf('.');
        if (dot <= 0 || dot == value.Text.Length - 1)
        {
            Error(value.Location, command, $"expected Class.Name, got '{value.Text}'");
            cls = name = string.Empty;
            return false;
        }
        cls = value.Text[..dot];
        name = value.Text[(dot + 1)..];
        return true;
    }

    private void SetBusXy(DssCommand command)
    {
        string? bus = null;
        double x = double.NaN, y = double.NaN;
        foreach (var p in command.Parameters)
        {
            switch (p.Name.ToLowerInvariant())
            {
                case "bus": bus = p.Value.Text.Split('.')[0].ToLowerInvariant(); break;
                case "x": double.TryParse(p.Value.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out x); break;
                case "y": double.TryParse(p.Value.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out y); break;
            }
        }
        if (bus is null || double.IsNaN(x) || double.IsNaN(y))
        {
            Error(command.Location, command, "SetBusXY expects bus=NAME X=number Y=number");
            return;
        }
        _model.BusCoordinates[bus] = (x, y);
        if (!_busCoordinatesNoted)
        {
            _busCoordinatesNoted = true;
            Info(command.Location, command, "SetBusXY: bus coordinates are kept for plots only");
        }
    }

    /// <summary>BatchEdit Class.pattern property=value ...: edit every element of the class whose name matches the regular expression.</summary>
    private void BatchEdit(DssCommand command)
    {
        if (command.Parameters.Length == 0 || !command.Parameters[0].IsPositional)
        {
            Error(command.Location, command, "BatchEdit needs Class.pattern first, e.g. BatchEdit Load..* vminpu=0.9");
            return;
        }
        var first = command.Parameters[0];
        if (!TrySplitObject(first.Value, command, out string cls, out string pattern))
            return;
        System.Text.RegularExpressions.Regex regex;
        try
        {
            regex = new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);
        }
        catch (ArgumentException e)
        {
            Error(first.Value.Location, command, $"BatchEdit: '{pattern}' is not a valid regular expression: {e.Message}");
            return;
        }
        int matched = 0;
        foreach (var element in _model.Elements.ToList())
        {
            if (!element.ClassName.Equals(cls, StringComparison.OrdinalIgnoreCase) || !regex.IsMatch(element.Name))
                continue;
            matched++;
            ApplyParameters(element, command, 1);
        }
        if (matched == 0)
            Info(first.Value.Location, command, $"BatchEdit: no {cls} matches '{pattern}'");
    }
}
