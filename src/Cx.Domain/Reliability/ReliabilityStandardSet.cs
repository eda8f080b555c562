using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Cx.Domain.Internal;
using Cx.Domain.Journey;
using Cx.Domain.Validation;

namespace Cx.Domain.Reliability;

/// <summary>The reliability standards of a company, with unique ids, known touchpoints and an owner each.</summary>
/// <remarks>
/// <para>Create it with <see cref="Create"/>, which validates all standards together (against a journey framework when
/// one is given) and fills a missing owner with the touchpoint's owner.</para>
/// <para>A measurement's subject id resolves to the standard with that id, or else to every standard of the touchpoint
/// with that id. Give standard ids when one touchpoint has standards on different metrics.</para>
/// </remarks>
public sealed class ReliabilityStandardSet
{
    private readonly FrozenDictionary<string, int> _byId;
    private readonly FrozenDictionary<string, int[]> _byTouchpoint;

    private ReliabilityStandardSet(ImmutableArray<ReliabilityStandard> standards, JourneyFramework? framework)
    {
        Standards = standards;
        Framework = framework;
        _byId = standards.Select((s, i) => (s.Id, i)).ToFrozenDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        _byTouchpoint = standards.Select((s, i) => (s.TouchpointId, i)).GroupBy(x => x.TouchpointId, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(x => x.i).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Gets the standards, in the order given.</summary>
    public IReadOnlyList<ReliabilityStandard> Standards { get; }

    /// <summary>Gets the journey framework the standards were checked against, or null.</summary>
    public JourneyFramework? Framework { get; }

    /// <summary>Gets the number of standards.</summary>
    public int Count => Standards.Count;

    /// <summary>Validates standards together and creates the set.</summary>
    /// <param name="standards">At least one standard, with unique ids.</param>
    /// <param name="framework">The journey framework whose touchpoints the standards govern, or null.</param>
    /// <returns>The set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="standards"/> or one of its items is null.</exception>
    /// <exception cref="CxValidationException">No standards (CX0516), duplicate ids (CX0502), unknown touchpoints (CX0503) or
    /// a missing owner without a framework (CX0510); every failure is listed.</exception>
    public static ReliabilityStandardSet Create(IEnumerable<ReliabilityStandard> standards, JourneyFramework? framework = null)
    {
        ArgumentNullException.ThrowIfNull(standards);
        ReliabilityStandard[] list = standards.ToArray();
        var failures = new FailureCollector();
        if (list.Length == 0)
        {
            failures.Add(null, "reliability standards", "Standards", CxErrorCodes.ReliabilityInputEmpty, "Expected at least one reliability standard, got none.");
        }

        var validator = new ReliabilityStandardValidator(framework);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < list.Length; i++)
        {
            ReliabilityStandard standard = list[i] ?? throw new ArgumentNullException(nameof(standards), string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected a standard at position {i}, got null."));
            if (framework is not null)
            {
                failures.AddRange(i, validator.Validate(standard));
            }

            if (!seen.Add(standard.Id))
            {
                failures.Add(i, null, "Id", CxErrorCodes.StandardDuplicateId, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected unique standard ids, got '{standard.Id}' again. Rename one of them."));
            }

            if (standard.Owner is null)
            {
                if (framework is null)
                {
                    failures.Add(i, null, "Owner", CxErrorCodes.StandardOwnerMissing,
                        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected an owner for standard '{standard.Id}', got none and no journey framework to take the owner of touchpoint '{standard.TouchpointId}' from. Give the owner, or the framework."));
                }
                else if (framework.TryGetTouchpoint(standard.TouchpointId, out Touchpoint? touchpoint))
                {
                    list[i] = standard.WithOwner(touchpoint.Owner);
                }
            }
        }

        failures.ThrowIfAny("reliability standards");
        return new ReliabilityStandardSet([.. list], framework);
    }

    /// <summary>Tries to find a standard by id.</summary>
    /// <param name="id">The standard id.</param>
    /// <param name="standard">The standard, or null.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGetStandard(string? id, [NotNullWhen(true)] out ReliabilityStandard? standard)
    {
        standard = id is not null && _byId.TryGetValue(id, out int i) ? Standards[i] : null;
        return standard is not null;
    }

    /// <summary>Returns the zero-based index of a standard, or -1.</summary>
    /// <param name="id">The standard id.</param>
    /// <returns>The index in <see cref="Standards"/>, or -1.</returns>
    public int IndexOf(string? id) => id is not null && _byId.TryGetValue(id, out int i) ? i : -1;

    /// <summary>Tells whether a measurement subject (a standard id, or a touchpoint id with standards) is known.</summary>
    /// <param name="subjectId">The subject id.</param>
    /// <returns><see langword="true"/> when it resolves to at least one standard.</returns>
    public bool IsKnownSubject(string? subjectId) => subjectId is not null && (_byId.ContainsKey(subjectId) || _byTouchpoint.ContainsKey(subjectId));

    /// <summary>Returns the indices of the standards a subject id resolves to: the standard with that id, or every standard
    /// of the touchpoint with that id, or none.</summary>
    /// <param name="subjectId">The subject id.</param>
    /// <returns>The indices, possibly empty.</returns>
    public IReadOnlyList<int> Resolve(string? subjectId)
    {
        if (subjectId is null)
        {
            return [];
        }

        if (_byId.TryGetValue(subjectId, out int i))
        {
            return [i];
        }

        return _byTouchpoint.TryGetValue(subjectId, out int[]? indices) ? indices : [];
    }

    /// <summary>Returns a short description.</summary>
    /// <returns>For example <c>12 reliability standards</c>.</returns>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Count} reliability standard{(Count == 1 ? string.Empty : "s")}");
}
