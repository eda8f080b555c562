using Cx.Domain.Assets;

namespace Cx.Cli.Output;

/// <summary>What the movements command computed, with what the renderers need to say where it came from.</summary>
/// <param name="Input">The input's name: a file name, <c>stdin</c>, or <c>sample (seed 42)</c>.</param>
/// <param name="RecordCount">How many records the ledger read (<see cref="AssetLedger.RecordCount"/>).</param>
/// <param name="Report">The library's report.</param>
internal sealed record MovementsResult(string Input, long RecordCount, AssetMovementReport Report);
