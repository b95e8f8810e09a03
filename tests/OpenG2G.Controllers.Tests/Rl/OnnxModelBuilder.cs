using System.Text;

namespace OpenG2G.Controllers.Tests.Rl;

/// <summary>
/// Writes small ONNX models (protobuf, by hand from the onnx.proto field numbers) for the ONNX policy
/// tests: a linear policy logits = obs W + b, optionally followed by an arg-max per action dimension so
/// that the model outputs int64 actions. Test support, not a product feature.
/// </summary>
internal static class OnnxModelBuilder
{
    private const int Float = 1, Int64 = 7;

    /// <param name="weights">W as [observations, logits], row-major.</param>
    public static byte[] Linear(int observations, int logits, float[] weights, float[] bias, int? argMaxDimensions = null, string? spacesJson = null)
    {
        var graph = new Proto();
        graph.Message(1, Node(["obs", "W"], ["z"], "MatMul"));
        graph.Message(1, Node(["z", "b"], [argMaxDimensions is null ? "logits" : "flat"], "Add"));
        if (argMaxDimensions is int dims)
        {
            graph.Message(1, Node(["flat", "shape"], ["blocks"], "Reshape"));
            var argMax = Node(["blocks"], ["actions"], "ArgMax");
            argMax.Message(5, IntAttribute("axis", 2));
            argMax.Message(5, IntAttribute("keepdims", 0));
            graph.Message(1, argMax);
            graph.Message(5, Int64Tensor("shape", [3], [-1, dims, logits / dims]));
        }
        graph.String(2, "policy");
        graph.Message(5, FloatTensor("W", [observations, logits], weights));
        graph.Message(5, FloatTensor("b", [logits], bias));
        graph.Message(11, ValueInfo("obs", Float, observations));
        graph.Message(12, argMaxDimensions is int d ? ValueInfo("actions", Int64, d) : ValueInfo("logits", Float, logits));

        var model = new Proto();
        model.Varint(1, 8);
        model.String(2, "openg2g-tests");
        model.Message(7, graph);
        var opset = new Proto();
        opset.String(1, "");
        opset.Varint(2, 13);
        model.Message(8, opset);
        if (spacesJson is not null)
        {
            var entry = new Proto();
            entry.String(1, "openg2g_spaces");
            entry.String(2, spacesJson);
            model.Message(14, entry);
        }
        return model.ToArray();
    }

    private static Proto Node(string[] inputs, string[] outputs, string op)
    {
        var n = new Proto();
        foreach (string i in inputs)
            n.String(1, i);
        foreach (string o in outputs)
            n.String(2, o);
        n.String(4, op);
        return n;
    }

    private static Proto IntAttribute(string name, long value)
    {
        var a = new Proto();
        a.String(1, name);
        a.Varint(3, value);
        a.Varint(20, 2); // AttributeType INT
        return a;
    }

    private static Proto FloatTensor(string name, long[] dims, float[] values)
    {
        var t = new Proto();
        foreach (long d in dims)
            t.Varint(1, d);
        t.Varint(2, Float);
        t.String(8, name);
        var bytes = new byte[values.Length * 4];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        t.Bytes(9, bytes);
        return t;
    }

    private static Proto Int64Tensor(string name, long[] dims, long[] values)
    {
        var t = new Proto();
        foreach (long d in dims)
            t.Varint(1, d);
        t.Varint(2, Int64);
        t.String(8, name);
        var bytes = new byte[values.Length * 8];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        t.Bytes(9, bytes);
        return t;
    }

    /// <summary>A [batch, width] tensor value: the batch dimension symbolic.</summary>
    private static Proto ValueInfo(string name, int elementType, long width)
    {
        var batch = new Proto();
        batch.String(2, "batch");
        var fixedDim = new Proto();
        fixedDim.Varint(1, width);
        var shape = new Proto();
        shape.Message(1, batch);
        shape.Message(1, fixedDim);
        var tensor = new Proto();
        tensor.Varint(1, elementType);
        tensor.Message(2, shape);
        var type = new Proto();
        type.Message(1, tensor);
        var v = new Proto();
        v.String(1, name);
        v.Message(2, type);
        return v;
    }

    /// <summary>A protobuf message being written: varints and length-delimited fields.</summary>
    private sealed class Proto
    {
        private readonly MemoryStream _bytes = new();

        public void Varint(int field, long value)
        {
            Raw((ulong)(field << 3));
            Raw((ulong)value);
        }

        public void String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

        public void Message(int field, Proto message) => Bytes(field, message.ToArray());

        public void Bytes(int field, byte[] value)
        {
            Raw((ulong)((field << 3) | 2));
            Raw((ulong)value.Length);
            _bytes.Write(value);
        }

        public byte[] ToArray() => _bytes.ToArray();

        private void Raw(ulong v)
        {
            while (v >= 0x80)
            {
                _bytes.WriteByte((byte)(v | 0x80));
                v >>= 7;
            }
            _bytes.WriteByte((byte)v);
        }
    }
}
