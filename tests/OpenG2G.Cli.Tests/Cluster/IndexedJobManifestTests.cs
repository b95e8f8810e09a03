using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace OpenG2G.Cli.Tests.Cluster;

/// <summary>
/// The shipped Kubernetes manifests (cluster/sweep-indexed-job.yaml and sweep-merge-job.yaml) parsed
/// as YAML and checked for the fields a sweep depends on. No Kubernetes cluster runs them here; this is what can be
/// checked without one.
/// </summary>
public class IndexedJobManifestTests
{
    private static YamlMappingNode Load(string name)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(CliProcess.Repo, "cluster", name)))
            stream.Load(reader);
        return (YamlMappingNode)Assert.Single(stream.Documents).RootNode;
    }

    private static YamlNode At(YamlNode node, params string[] path) =>
        path.Aggregate(node, (n, key) => ((YamlMappingNode)n).Children.TryGetValue(new YamlScalarNode(key), out YamlNode? child)
            ? child : throw new Xunit.Sdk.XunitException($"no '{key}' in {string.Join('.', path)}"));

    private static string Text(YamlNode node, params string[] path) => ((YamlScalarNode)At(node, path)).Value!;

    private static int Int(YamlNode node, params string[] path) => int.Parse(Text(node, path), CultureInfo.InvariantCulture);

    private static YamlMappingNode Container(YamlNode job) => (YamlMappingNode)Assert.Single(((YamlSequenceNode)At(job, "spec", "template", "spec", "containers")).Children);

    private static List<string> Args(YamlNode container) => ((YamlSequenceNode)At(container, "args")).Children.Select(a => ((YamlScalarNode)a).Value!).ToList();

    private static string After(List<string> args, string option) => args[args.IndexOf(option) + 1];

    [Fact]
    public void Indexed_job_runs_one_shard_per_completion_index_into_the_shared_volume()
    {
        YamlMappingNode job = Load("sweep-indexed-job.yaml");
        Assert.Equal("batch/v1", Text(job, "apiVersion"));
        Assert.Equal("Job", Text(job, "kind"));
        Assert.Equal("Indexed", Text(job, "spec", "completionMode"));
        int completions = Int(job, "spec", "completions");
        Assert.InRange(Int(job, "spec", "parallelism"), 1, completions);
        Assert.Contains(Text(job, "spec", "template", "spec", "restartPolicy"), new[] { "Never", "OnFailure" });

        YamlMappingNode container = Container(job);
        List<string> args = Args(container);
        Assert.Equal("sweep", args[0]);
        Assert.Equal($"auto/{completions}", After(args, "--shard"));
        Assert.EndsWith("/shard-$(JOB_COMPLETION_INDEX)", After(args, "--out"), StringComparison.Ordinal);
        Assert.Contains("--resume", args);
        Assert.Equal(Text(container, "resources", "requests", "cpu"), After(args, "--workers"));
        var index = (YamlMappingNode)Assert.Single(((YamlSequenceNode)At(container, "env")).Children, e => Text(e, "name") == "JOB_COMPLETION_INDEX");
        Assert.Equal("metadata.annotations['batch.kubernetes.io/job-completion-index']", Text(index, "valueFrom", "fieldRef", "fieldPath"));

        // The sweep file is named relative to workingDir, a clone of this repository on the volume.
        string clone = Text(container, "workingDir");
        Assert.True(File.Exists(Path.Combine(CliProcess.Repo, args[1])), args[1] + " is not a file of the repository");
        AssertOnSharedVolume(job, container, clone, After(args, "--out"), ((YamlSequenceNode)At(container, "command")).Children[1].ToString());
    }

    [Fact]
    public void Merge_job_merges_exactly_the_indexed_jobs_shards()
    {
        YamlMappingNode job = Load("sweep-indexed-job.yaml"), merge = Load("sweep-merge-job.yaml");
        int completions = Int(job, "spec", "completions");
        string shardOut = After(Args(Container(job)), "--out");
        string results = shardOut[..shardOut.LastIndexOf('/')];

        YamlMappingNode container = Container(merge);
        List<string> args = Args(container);
        Assert.Equal(["sweep", "merge"], args.Take(2));
        int outAt = args.IndexOf("--out");
        Assert.Equal(Enumerable.Range(0, completions).Select(k => $"{results}/shard-{k}"), args.Skip(2).Take(outAt - 2));
        Assert.Equal(results + "/merged", args[outAt + 1]);
        Assert.Equal(Text(Container(job), "image"), Text(container, "image"));
        Assert.Equal(At(job, "spec", "template", "spec", "volumes").ToString(), At(merge, "spec", "template", "spec", "volumes").ToString());
        AssertOnSharedVolume(merge, container, args[outAt + 1]);
    }

    /// <summary>Every path lies under a mount of a volume that is a persistent volume claim (shared storage, not the pod's own disk).</summary>
    private static void AssertOnSharedVolume(YamlNode job, YamlNode container, params string[] paths)
    {
        var claims = ((YamlSequenceNode)At(job, "spec", "template", "spec", "volumes")).Children
            .Where(v => ((YamlMappingNode)v).Children.ContainsKey(new YamlScalarNode("persistentVolumeClaim")))
            .Select(v => Text(v, "name")).ToHashSet(StringComparer.Ordinal);
        var mounts = ((YamlSequenceNode)At(container, "volumeMounts")).Children
            .Where(m => claims.Contains(Text(m, "name"))).Select(m => Text(m, "mountPath").TrimEnd('/') + "/").ToList();
        foreach (string path in paths)
            Assert.True(mounts.Any(m => path.StartsWith(m, StringComparison.Ordinal)), $"{path} is on no persistent volume mount ({string.Join(", ", mounts)})");
    }
}
