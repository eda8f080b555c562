using System.Runtime.InteropServices;

namespace Cx.Domain.IO.Internal;

/// <summary>Native memory for large tables read at random (the customer interner's): zeroed, aligned to the cache line,
/// and from 2 MiB on aligned to 2 MiB and advised for transparent huge pages on Linux.</summary>
/// <remarks>With 4 KiB pages a 64 MiB table spans 16,384 pages, far more than the processor's address translation cache
/// holds, so a random lookup pays a page walk on top of its cache miss; with 2 MiB pages the same table is 32 pages. The
/// .NET heap does not ask for huge pages, and most Linux systems give them only to memory that asks
/// (<c>/sys/kernel/mm/transparent_hugepage/enabled</c> set to <c>madvise</c>). The advice is only a hint: where it is
/// refused or unknown (other systems, huge pages off) the memory is ordinary memory and nothing else changes.</remarks>
internal static unsafe partial class HugePages
{
    private const nuint HugePage = 2 * 1024 * 1024;
    private const nuint CacheLine = 64;
    private const int AdviseHugePage = 14; // MADV_HUGEPAGE
    private static bool s_adviceUnavailable;

    /// <summary>Allocates <paramref name="bytes"/> of zeroed memory (free it with <see cref="Free"/> and the same size).</summary>
    /// <exception cref="OutOfMemoryException">The memory is not available.</exception>
    public static void* AllocateZeroed(nuint bytes)
    {
        nuint size = Rounded(bytes);
        bool huge = size >= HugePage;
        void* memory = NativeMemory.AlignedAlloc(size, huge ? HugePage : CacheLine);
        if (huge)
        {
            Advise(memory, size);
        }

        // Zeroing touches every page: after the advice, so the pages are huge from the first fault.
        NativeMemory.Clear(memory, size);
        GC.AddMemoryPressure((long)size);
        return memory;
    }

    /// <summary>Frees memory from <see cref="AllocateZeroed"/>.</summary>
    public static void Free(void* memory, nuint bytes)
    {
        if (memory is null)
        {
            return;
        }

        NativeMemory.AlignedFree(memory);
        GC.RemoveMemoryPressure((long)Rounded(bytes));
    }

    private static nuint Rounded(nuint bytes)
    {
        nuint size = Math.Max(bytes, CacheLine);
        nuint unit = size >= HugePage ? HugePage : CacheLine;
        return (size + unit - 1) & ~(unit - 1);
    }

    private static void Advise(void* memory, nuint size)
    {
        if (!OperatingSystem.IsLinux() || Volatile.Read(ref s_adviceUnavailable))
        {
            return;
        }

        try
        {
            // A refusal (EINVAL where huge pages are compiled out) leaves ordinary pages: nothing to do.
            _ = Madvise(memory, size, AdviseHugePage);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            Volatile.Write(ref s_adviceUnavailable, true);
        }
    }

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int Madvise(void* address, nuint length, int advice);
}
