namespace Cx.Domain.IO.Internal;

/// <summary>A growable column of one block.</summary>
internal sealed class Column<T>
{
    private T[] _items = new T[4096];

    public int Count { get; private set; }

    public ReadOnlySpan<T> Span => _items.AsSpan(0, Count);

    public void Add(T item)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        _items[Count++] = item;
    }
}
