using System.Collections.Immutable;
using OpenG2G.Numerics.Networks;

namespace OpenG2G.Numerics.Tests.Networks;

public class MlpAllocationTests
{
    [Fact]
    public void Forward_and_backward_allocate_nothing_once_the_tape_exists()
    {
        var net = new Mlp(ImmutableArray.Create(57, 64, 64, 15));
        var random = new Random(1);
        net.Initialise(() => random.NextDouble() - 0.5, 1.4, 0.1);
        var tape = new MlpTape(net, 64);
        float[] x = Enumerable.Range(0, 64 * 57).Select(_ => (float)random.NextDouble()).ToArray();
        float[] dy = Enumerable.Range(0, 64 * 15).Select(_ => (float)random.NextDouble()).ToArray();
        var gradient = new float[net.Parameters.Length];
        net.Forward(x, 64, tape);
        net.Backward(tape, dy, 64, gradient);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 20; i++)
        {
            net.Forward(x, 64, tape);
            net.Backward(tape, dy, 64, gradient);
            net.Forward(x.AsSpan(0, 57), 1, tape);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
