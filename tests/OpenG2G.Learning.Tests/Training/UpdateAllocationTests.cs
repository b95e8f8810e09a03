using OpenG2G.Learning.Environment;
using OpenG2G.Learning.Tests.Support;
using OpenG2G.Learning.Training;

namespace OpenG2G.Learning.Tests.Training;

public class UpdateAllocationTests
{
    [Fact]
    public void A_chunk_gradient_and_an_Adam_step_allocate_nothing()
    {
        var options = new PpoOptions { TotalSteps = 64, Environments = 4, Workers = 1, Epochs = 1, MinibatchSize = 64, HiddenSizes = [16] };
        var trainer = new PpoTrainer(options, Enumerable.Range(0, 4).Select(_ => (IEnvironment)new TargetTracking()).ToArray(), seed: 1);
        trainer.Train(); // one iteration: fills the samples and the workspaces
        Samples samples = trainer.LastSamples!;
        var workspace = new ChunkWorkspace(trainer.Policy, trainer.Value, 4, 2);
        int[] indices = Enumerable.Range(0, 64).ToArray();
        var adam = new Adam(trainer.Policy.Parameters.Length);
        PpoLoss.Chunk(trainer, samples, indices, workspace, 0f, 1f, 64);
        adam.Step(trainer.Policy.Parameters, workspace.PolicyGradient, 1e-4);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10; i++)
        {
            PpoLoss.Chunk(trainer, samples, indices, workspace, 0f, 1f, 64);
            adam.Step(trainer.Policy.Parameters, workspace.PolicyGradient, 1e-4);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
