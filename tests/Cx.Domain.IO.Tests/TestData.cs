using System.Text;
using Cx.Domain.IO.Internal;

namespace Cx.Domain.IO.Tests;

internal static class TestData
{
    public static string Cdnow(string name) => Path.Combine(AppContext.BaseDirectory, "data", "cdnow", name);

    public static MemoryStream Bytes(string text) => new(Encoding.UTF8.GetBytes(text));

    /// <summary>Runs an action with blocks of a few bytes parsed on several threads, whatever the file's size.</summary>
    public static T WithTinyBlocks<T>(int blockSize, Func<T> action)
    {
        int block = TextFileReader.TestBlockSize;
        long threshold = TextFileReader.ParallelThresholdBytes;
        TextFileReader.TestBlockSize = blockSize;
        TextFileReader.ParallelThresholdBytes = 0;
        try
        {
            return action();
        }
        finally
        {
            TextFileReader.TestBlockSize = block;
            TextFileReader.ParallelThresholdBytes = threshold;
        }
    }
}
