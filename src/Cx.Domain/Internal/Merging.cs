namespace Cx.Domain.Internal;

/// <summary>Folds partial results that merge associatively.</summary>
internal static class Merging
{
    /// <summary>Merges the items in order with <paramref name="merge"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException">No items.</exception>
    public static T MergeAll<T>(IEnumerable<T> items, Func<T, T, T> merge, string what, string parameter)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(items, parameter);
        T? result = null;
        foreach (T item in items)
        {
            ArgumentNullException.ThrowIfNull(item, parameter);
            result = result is null ? item : merge(result, item);
        }

        return result ?? throw new ArgumentException($"Expected at least one {what} to merge, got none.", parameter);
    }
}
