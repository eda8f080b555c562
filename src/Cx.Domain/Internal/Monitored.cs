using System.Collections;
using Cx.Domain.Primitives;

namespace Cx.Domain.Internal;

/// <summary>Wraps an input sequence so that reading it observes a cancellation token and reports progress, every
/// <see cref="Every"/> items and at the end; the wrapper keeps a known count visible (to size buffers).</summary>
internal static class Monitored
{
    /// <summary>How many items pass between two checks of the token and two progress reports.</summary>
    public const int Every = 8192;

    public static IEnumerable<T> Wrap<T>(IEnumerable<T> source, string stage, CancellationToken cancellationToken, IProgress<WorkProgress>? progress)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!cancellationToken.CanBeCanceled && progress is null)
        {
            return source;
        }

        return source.TryGetNonEnumeratedCount(out int count)
            ? new Counted<T>(source, count, stage, cancellationToken, progress)
            : Iterate(source, null, stage, cancellationToken, progress);
    }

    private static IEnumerable<T> Iterate<T>(IEnumerable<T> source, long? total, string stage, CancellationToken cancellationToken, IProgress<WorkProgress>? progress)
    {
        cancellationToken.ThrowIfCancellationRequested();
        long done = 0;
        foreach (T item in source)
        {
            yield return item;
            if (++done % Every == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(new WorkProgress(stage, done, total));
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report(new WorkProgress(stage, done, total ?? done));
    }

    /// <summary>A monitored sequence whose count is known: a read-only collection, so callers can size their buffers.</summary>
    private sealed class Counted<T>(IEnumerable<T> source, int count, string stage, CancellationToken cancellationToken, IProgress<WorkProgress>? progress) : ICollection<T>
    {
        public int Count => count;

        public bool IsReadOnly => true;

        public IEnumerator<T> GetEnumerator() => Iterate(source, count, stage, cancellationToken, progress).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public void Add(T item) => throw new NotSupportedException();

        public void Clear() => throw new NotSupportedException();

        public bool Contains(T item) => source.Contains(item);

        public void CopyTo(T[] array, int arrayIndex)
        {
            foreach (T item in this)
            {
                array[arrayIndex++] = item;
            }
        }

        public bool Remove(T item) => throw new NotSupportedException();
    }
}
