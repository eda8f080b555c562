using System.Runtime.ExceptionServices;

namespace Cx.Domain.Internal;

/// <summary>Work split over threads whose exceptions come out as themselves, not wrapped in an
/// <see cref="AggregateException"/>: a public member documents the exceptions it throws, and a parallel path must throw
/// the same ones as the sequential path.</summary>
internal static class Parallelism
{
    /// <summary>Runs <paramref name="action"/> for each of <paramref name="parts"/> parts, on up to as many threads; the
    /// first exception comes out as itself.</summary>
    public static void ForEach(int parts, Action<int> action)
    {
        if (parts == 1)
        {
            action(0);
            return;
        }

        Unwrapped(() => Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, action));
    }

    /// <summary>Runs the actions at once; the first exception comes out as itself.</summary>
    public static void Invoke(Action first, Action second) => Unwrapped(() => Parallel.Invoke(first, second));

    /// <summary>Runs a parallel loop; the first exception of its body comes out as itself.</summary>
    public static void Unwrapped(Action loop)
    {
        try
        {
            loop();
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
        }
    }
}
