using System.Collections.Immutable;
using OpenG2G.Core.Composition;
using OpenG2G.Core.Diagnostics;
using OpenG2G.Datacenter.Options;
using OpenG2G.Datacenter.Replay;
using OpenG2G.Datacenter.Tests.Replay;

namespace OpenG2G.Datacenter.Tests.Options;

public class TraceReplayOptionsTests
{
    [Fact]
    public void The_study_settings_are_valid()
    {
        Assert.Empty(Fleets.StudyFleet.Validate());
    }

    [Fact]
    public void Every_problem_is_reported_with_its_path()
    {
        var options = new TraceReplayOptions
        {
            CapacityGpus = 100,
            NoiseFraction = -0.1,
            FacilityOverhead = new FacilityOverheadOptions { Pue = 0.9 },
            Models = ImmutableArray.Create(
                new ServedModelOptions { Label = "Llama-3.1-8B", ItlDeadlineS = 0.08, GpusPerReplica = 3 },
                new ServedModelOptions
                {
                    Label = "llama-3.1-8b", ItlDeadlineS = 0, InitialBatchSize = 100, FeasibleBatchSizes = ImmutableArray.Create(8, 128),
                    Ramps = ImmutableArray.Create(new ReplicaRampOptions { StartS = 10, EndS = 5, Target = 1 }),
                }),
            Training = ImmutableArray.Create(new TrainingJobOptions { Gpus = 8, StartS = 5, EndS = 5, PeakWPerGpu = 400, PowerCapResponse = "x" }),
        };
        Assert.Equal(new[]
        {
            "capacity_gpus: must be a multiple of gpus_per_server (8), got 100",
            "facility_overhead.pue: must be >= 1, got 0.9",
            "noise_fraction: must be in [0, 1), got -0.1",
            "models[0].gpus_per_replica: must divide gpus_per_server (8) or be a multiple of it, got 3",
            "models[1].label: 'llama-3.1-8b' is served twice; give each model once",
            "models[1].itl_deadline_s: must be > 0, got 0",
            "models[1].initial_batch_size: 100 is not among feasible_batch_sizes (8, 128)",
            "models[1].ramps[0].end_s: must be >= start_s (10), got 5",
            "training[0].end_s: must be > start_s (5), got 5",
            "training[0]: give exactly one of peak_w_per_gpu (profile x peak) and power_cap_response (measured power at the cap)",
        }, options.Validate().Select(p => $"{p.Path}: {p.Message}"));
    }

    [Fact]
    public void A_model_missing_from_the_library_lists_what_exists()
    {
        var options = Fleets.StudyFleet with
        {
            Models = ImmutableArray.Create(Fleets.Model("Llama-3.1-8B", 2, 0.08, 1), Fleets.Model("Mistral-7B", 1, 0.08, 1)),
        };
        var e = Assert.Throws<InvalidInputException>(() => Fleets.Build(options));
        var messages = e.Errors.Select(d => d.ToString()).ToList();
        Assert.Equal(2, messages.Count);
        Assert.Equal("models[0]: no configuration of 'Llama-3.1-8B' matches gpu H100, gpus_per_replica 2, task any; the library has: " +
            "Llama-3.1-8B on 1x B200 (lm-arena-chat) batch sizes 8,16,32,64,128,256,512,1024,2048; " +
            "Llama-3.1-8B on 1x H100 (lm-arena-chat) batch sizes 8,16,32,64,96,128,192,256,384,512,768,1024", messages[0]);
        Assert.StartsWith("models[1]: no model 'Mistral-7B' in the trace library ", messages[1]);
        Assert.Contains("models on H100: ", messages[1]);
        Assert.Contains("Qwen3-235B-A22B", messages[1]);
    }

    [Fact]
    public void An_unmeasured_batch_size_is_a_validation_error_listing_the_measured_ones()
    {
        var options = new TraceReplayOptions
        {
            CapacityGpus = 8,
            Models = ImmutableArray.Create(Fleets.Model("Llama-3.1-405B", 8, 0.12, 1) with { FeasibleBatchSizes = ImmutableArray.Create(8, 128, 1024) }),
        };
        var e = Assert.Throws<InvalidInputException>(() => Fleets.Build(options));
        Assert.Equal("models[0].feasible_batch_sizes: 1024 not measured for Llama-3.1-405B on 8x H100 (lm-arena-chat); measured batch sizes: 8, 16, 32, 64, 96, 128, 192, 256, 384, 512",
            e.Message);
    }

    [Fact]
    public void Capacity_is_checked_in_whole_servers()
    {
        var options = new TraceReplayOptions
        {
            CapacityGpus = 16,
            Models = ImmutableArray.Create(Fleets.Model("Llama-3.1-8B", 1, 0.08, 9), Fleets.Model("Qwen3-30B-A3B", 2, 0.06, 1)),
        };
        var e = Assert.Throws<InvalidInputException>(() => Fleets.Build(options));
        Assert.Equal("capacity_gpus: 16 GPUs = 2 servers of 8, but the peak replica counts and training jobs need 3 whole servers (Llama-3.1-8B 2, Qwen3-30B-A3B 1, training 0)", e.Message);
    }

    [Fact]
    public void Registration_builds_the_datacenter_from_the_context_library()
    {
        var registry = new ComponentRegistry();
        DatacenterComponents.Register(registry);
        var registration = registry.Find(ComponentKind.Datacenter, "trace-replay");
        Assert.NotNull(registration);
        Assert.Equal(typeof(TraceReplayOptions), registration.OptionsType);
        var context = new DatacenterBuildContext("site", Fleets.Period, SharedDataRoot(), TestRun.RepositoryTraces);
        var dc = Assert.IsType<TraceReplayDatacenter>(registration.Create(Fleets.StudyFleet, context));
        Assert.Equal("site", dc.Name);
        Assert.Equal(5, dc.Models.Count);
    }

    private static string SharedDataRoot() => OpenG2G.Testing.SharedData.RepositoryRoot;
}
