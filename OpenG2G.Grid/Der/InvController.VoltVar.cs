namespace OpenG2G.Grid.Der;

/// <summary>One volt-var action on one inverter.</summary>
public sealed partial class InvController
{
    private void Step(InverterUnit unit, VoltVarState s, DispatchContext context)
    {
        double kw = unit.OutputKw;
        double kva = unit.KvaRating;
        double headroom, headroomNeg;
        if (_control.ReferenceVarMax)
            (headroom, headroomNeg) = (unit.KvarLimit, unit.KvarLimitNeg);
        else
            headroom = headroomNeg = Math.Abs(kw) < kva ? Math.Sqrt(kva * kva - kw * kw) : 0.0;
        if (headroom == 0.0)
            headroom = unit.KvarLimit;
        if (headroomNeg == 0.0)
            headroomNeg = unit.KvarLimitNeg;

        double desired = _control.VoltVarCurve!.YAt(s.PresentVpu);
        double limited = LimitedPu(unit, desired, kw, headroom, headroomNeg);
        s.DesiredEndPu = Math.Min(Math.Abs(desired), Math.Abs(limited)) * Math.Sign(desired);

        double target = s.DesiredEndPu * (s.DesiredEndPu >= 0 ? headroom : headroomNeg);
        double factor = _control.DeltaQFactor ?? AdaptiveFactor(s);
        double request = s.OldKvar + (target - s.OldKvar) * factor;

        unit.KvarRequested = request;
        unit.VarModeKvar = true;
        unit.Dispatch(context);
        s.OutputPu = unit.OutputKvar / (request >= 0 ? headroom : headroomNeg);
        s.PriorVpu = s.PresentVpu;
        s.OldKvar = unit.OutputKvar;
    }

    /// <summary>OpenDSS's Check_Qlimits: the largest target (pu of headroom) the present kvar limits, and kVA under watt priority, allow.</summary>
    private double LimitedPu(InverterUnit unit, double q, double kw, double headroom, double headroomNeg)
    {
        double limited = 1.0;
        double limitPu = Math.Min(unit.CurrentKvarLimit / headroom, 1.0);
        double limitNegPu = Math.Min(unit.CurrentKvarLimitNeg / headroomNeg, 1.0);
        if (q > 0 && Math.Abs(q) >= Math.Abs(limitPu))
            limited = limitPu * Math.Sign(q);
        else if (q < 0 && Math.Abs(q) >= Math.Abs(limitNegPu))
            limited = limitNegPu * Math.Sign(q);
        if (unit.WattPriority && _control.ReferenceVarMax)
        {
            double room = Math.Sqrt(Math.Max(0.0, unit.KvaRating * unit.KvaRating - kw * kw));
            double roomPu = room / (q >= 0 ? headroom : headroomNeg);
            if (Math.Abs(roomPu) < Math.Abs(limited) && Math.Abs(roomPu) < Math.Abs(q))
                limited = roomPu * Math.Sign(q);
        }
        return limited;
    }

    /// <summary>OpenDSS's adaptive deltaQ factor: smaller when the voltage keeps moving as much, larger when it settles.</summary>
    private static double AdaptiveFactor(VoltVarState s)
    {
        double deltaV = Math.Abs(s.PresentVpu - s.PriorVpu);
        if (s.PreviousDeltaV >= 0.0)
        {
            double f = s.AdaptiveFactor;
            if (deltaV > 0.8 * s.PreviousDeltaV && f > 0.2)
                f -= 0.1;
            else if (deltaV > 0.6 * s.PreviousDeltaV && f > 0.2)
                f -= 0.05;
            else if (deltaV < 0.2 * s.PreviousDeltaV && f < 0.9)
                f += 0.1;
            else if (deltaV < 0.4 * s.PreviousDeltaV && f < 0.9)
                f += 0.05;
            s.AdaptiveFactor = f;
        }
        s.PreviousDeltaV = deltaV;
        return s.AdaptiveFactor;
    }
}
