using System.Collections.Immutable;
using OpenG2G.Core.Commands;
using OpenG2G.Core.Time;
using OpenG2G.Datacenter.Options;

namespace OpenG2G.Datacenter.Tests.Replay;

public class CommandTests
{
    private sealed record Unknown(string Target) : DatacenterCommand(Target);

    private static OpenG2G.Datacenter.Replay.TraceReplayDatacenter Small(int capacity = 16) => Fleets.Build(new TraceReplayOptions
    {
        CapacityGpus = capacity,
        Models = ImmutableArray.Create(Fleets.Model("Llama-3.1-8B", 1, 0.08, 8)),
    });

    [Fact]
    public void A_feasible_batch_size_changes_power_from_the_next_step()
    {
        var dc = Small();
        dc.Reset(TestRun.Context(1));
        var first = dc.Step(SimTime.Zero);
        dc.Apply(new SetBatchSize("dc", "Llama-3.1-8B", 8), SimTime.Zero);
        var states = Enumerable.Range(1, 400).Select(k => dc.Step(new SimTime(k * Fleets.Period.Ticks))).ToList();
        Assert.Equal(128, first.Models[0].BatchSize);
        Assert.All(states, s => Assert.Equal(8, s.Models[0].BatchSize));
        double measured = TestRun.Library.FindInference("Llama-3.1-8B", "H100", 1).Single().PointAt(8)!.MeanPowerW;
        Assert.InRange(states.Average(s => s.Models[0].PowerW) / (8 * measured), 0.97, 1.03);
    }

    [Fact]
    public void An_infeasible_batch_size_is_rejected_with_the_feasible_ones()
    {
        var dc = Small();
        dc.Reset(TestRun.Context(1));
        var e = Assert.Throws<ArgumentException>(() => dc.Apply(new SetBatchSize("dc", "Llama-3.1-8B", 100), SimTime.Zero));
        Assert.Equal("SetBatchSize: 100 is not a feasible batch size of 'Llama-3.1-8B' at 'dc'; feasible: 8, 16, 32, 64, 128, 256, 512", e.Message);
        var unknown = Assert.Throws<ArgumentException>(() => dc.Apply(new SetBatchSize("dc", "GPT-5", 8), SimTime.Zero));
        Assert.Equal("SetBatchSize: datacenter 'dc' does not serve 'GPT-5'; it serves Llama-3.1-8B", unknown.Message);
    }

    [Fact]
    public void An_unknown_command_type_names_both_types()
    {
        var dc = Small();
        dc.Reset(TestRun.Context(1));
        var e = Assert.Throws<NotSupportedException>(() => dc.Apply(new Unknown("dc"), SimTime.Zero));
        Assert.Equal("TraceReplayDatacenter 'dc' does not handle Unknown commands", e.Message);
    }

    [Fact]
    public void Power_caps_on_inference_models_are_rejected_because_nothing_was_measured()
    {
        var dc = Small();
        dc.Reset(TestRun.Context(1));
        var e = Assert.Throws<ArgumentException>(() => dc.Apply(new SetPowerCap("dc", "Llama-3.1-8B", 400), SimTime.Zero));
        Assert.Equal("SetPowerCap: 'Llama-3.1-8B' is an inference model, and no power-capped inference measurement exists in the trace library; cappable workloads: none", e.Message);
    }

    [Fact]
    public void Replicas_are_added_on_free_servers_and_rejected_beyond_capacity()
    {
        var dc = Small();
        dc.Reset(TestRun.Context(1));
        Assert.Equal(8, dc.FreeGpus);
        dc.Apply(new AdjustReplicas("dc", "Llama-3.1-8B", 8), SimTime.Zero);
        var s = dc.Step(new SimTime(Fleets.Period.Ticks));
        Assert.Equal(16, s.Models[0].ActiveReplicas);
        Assert.Equal(0, dc.FreeGpus);
        var e = Assert.Throws<ArgumentException>(() => dc.Apply(new AdjustReplicas("dc", "Llama-3.1-8B", 1), SimTime.Zero));
        Assert.Equal("AdjustReplicas: adding 1 replicas of 'Llama-3.1-8B' at 'dc' needs 1 more servers of 8 GPUs, but only 0 are free", e.Message);
        var negative = Assert.Throws<ArgumentException>(() => dc.Apply(new AdjustReplicas("dc", "Llama-3.1-8B", -17), SimTime.Zero));
        Assert.Equal("AdjustReplicas: cannot remove 17 replicas of 'Llama-3.1-8B' at 'dc': only 16 are active", negative.Message);
    }

    [Fact]
    public void A_model_at_zero_replicas_draws_nothing_until_its_ramp_adds_replicas()
    {
        var dc = Fleets.Build(new TraceReplayOptions
        {
            CapacityGpus = 8,
            IdlePowerWPerGpu = 0,
            Models = ImmutableArray.Create(Fleets.Model("Llama-3.1-8B", 1, 0.08, 0) with
            {
                Ramps = ImmutableArray.Create(new ReplicaRampOptions { StartS = 10, EndS = 20, Target = 8 }),
            }),
        });
        dc.Reset(TestRun.Context(1));
        var off = dc.Step(SimTime.FromSeconds(5m));
        Assert.Equal(0.0, off.PowerW.Total);
        Assert.True(double.IsNaN(off.Models[0].ItlS));
        Assert.Equal(ThreePhaseZero, dc.PhaseShare("Llama-3.1-8B"));
        var half = dc.Step(SimTime.FromSeconds(15m));
        Assert.Equal(4, half.Models[0].ActiveReplicas);
        Assert.True(half.PowerW.Total > 4 * 300);
    }

    private static readonly OpenG2G.Core.States.ThreePhase ThreePhaseZero = OpenG2G.Core.States.ThreePhase.Zero;
}
