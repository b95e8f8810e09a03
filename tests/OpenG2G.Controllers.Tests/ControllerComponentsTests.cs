using OpenG2G.Core.Composition;
using OpenG2G.Core.Options;

namespace OpenG2G.Controllers.Tests;

public class ControllerComponentsTests
{
    [Fact]
    public void RegistersEveryBuiltInControllerUnderItsYamlName()
    {
        var registry = new ComponentRegistry();
        ControllerComponents.Register(registry);
        Assert.Equal(
            new[] { "batch-schedule", "load-shift", "mpc", "noop", "ofo", "pid", "power-cap-schedule", "rl", "rule-based", "storage-droop", "tap-schedule" },
            registry.TypeNames(ComponentKind.Controller));
    }

    [Fact]
    public void EveryOptionsRecordHasDefaultsThatValidate()
    {
        var registry = new ComponentRegistry();
        ControllerComponents.Register(registry);
        foreach (ComponentRegistration r in registry.Controllers)
        {
            object options = Activator.CreateInstance(r.OptionsType)!;
            var validatable = Assert.IsAssignableFrom<IValidatable>(options);
            if (r.Type == "rl")
            {
                // The one required option: which policy to run.
                ValidationProblem p = Assert.Single(validatable.Validate());
                Assert.Equal("policy", p.Path);
                continue;
            }
            Assert.Empty(validatable.Validate());
        }
    }
}
