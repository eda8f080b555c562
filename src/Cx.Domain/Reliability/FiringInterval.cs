namespace Cx.Domain.Reliability;

/// <summary>A span of ticks [Start, End) during which a sequential detector fires, with the figures at its start.</summary>
internal readonly record struct FiringInterval(long Start, long End, string Description);
