using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Cx.Domain.Validation;

namespace Cx.Domain.Journey;

/// <summary>A company's customer journey: ordered stages, the touchpoints in each, their categories, accountable owners and
/// moments of truth. The map leadership is accountable to, "aligned to the stages of the customer journey, not down the silos".</summary>
/// <remarks>Immutable and validated: create it with <see cref="Create(JourneyFrameworkDefinition)"/> or read it from JSON
/// with <see cref="JourneyJson"/>. Ids are compared ordinally.</remarks>
public sealed class JourneyFramework
{
    private readonly FrozenDictionary<string, JourneyStage> _stages;
    private readonly FrozenDictionary<string, Touchpoint> _touchpoints;
    private readonly FrozenDictionary<string, int> _touchpointIndex;
    private readonly FrozenDictionary<string, int> _stageIndex;

    private JourneyFramework(string name, ImmutableArray<JourneyStage> stages, ImmutableArray<Touchpoint> touchpoints)
    {
        Name = name;
        Stages = stages;
        Touchpoints = touchpoints;
        _stages = stages.ToFrozenDictionary(s => s.Id, StringComparer.Ordinal);
        _touchpoints = touchpoints.ToFrozenDictionary(t => t.Id, StringComparer.Ordinal);
        _stageIndex = stages.Select((s, i) => (s.Id, i)).ToFrozenDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        _touchpointIndex = touchpoints.Select((t, i) => (t.Id, i)).ToFrozenDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
    }

    /// <summary>Gets the framework's name.</summary>
    public string Name { get; }

    /// <summary>Gets the stages in journey order (by position).</summary>
    public IReadOnlyList<JourneyStage> Stages { get; }

    /// <summary>Gets the touchpoints, in journey order of their stages, then in the order given.</summary>
    public IReadOnlyList<Touchpoint> Touchpoints { get; }

    /// <summary>Validates a definition and creates the framework.</summary>
    /// <param name="definition">The name, stages and touchpoints.</param>
    /// <returns>The framework.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is null.</exception>
    /// <exception cref="CxValidationException">The definition is invalid; every failure is reported with its stage or
    /// touchpoint and a code (CX0401 to CX0411).</exception>
    public static JourneyFramework Create(JourneyFrameworkDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        new JourneyFrameworkValidator().ValidateOrThrow(definition, "journey framework");
        ImmutableArray<JourneyStage> stages = definition.Stages.OrderBy(s => s.Position).ToImmutableArray();
        var stageOrder = stages.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        ImmutableArray<Touchpoint> touchpoints = definition.Touchpoints
            .Select((t, i) => (t, i))
            .OrderBy(x => stageOrder[x.t.StageId]).ThenBy(x => x.i)
            .Select(x => x.t)
            .ToImmutableArray();
        return new JourneyFramework(definition.Name.Trim(), stages, touchpoints);
    }

    /// <summary>Validates and creates a framework from its parts.</summary>
    /// <param name="name">The framework's name.</param>
    /// <param name="stages">The stages.</param>
    /// <param name="touchpoints">The touchpoints.</param>
    /// <returns>The framework.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="CxValidationException">The parts are invalid; every failure is reported.</exception>
    public static JourneyFramework Create(string name, IEnumerable<JourneyStage> stages, IEnumerable<Touchpoint> touchpoints)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(stages);
        ArgumentNullException.ThrowIfNull(touchpoints);
        return Create(new JourneyFrameworkDefinition(name, stages.ToArray(), touchpoints.ToArray()));
    }

    /// <summary>Tries to find a touchpoint by id.</summary>
    /// <param name="id">The touchpoint id.</param>
    /// <param name="touchpoint">The touchpoint, or null.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGetTouchpoint(string? id, [NotNullWhen(true)] out Touchpoint? touchpoint)
    {
        touchpoint = null;
        return id is not null && _touchpoints.TryGetValue(id, out touchpoint);
    }

    /// <summary>Returns a touchpoint by id.</summary>
    /// <param name="id">The touchpoint id.</param>
    /// <returns>The touchpoint.</returns>
    /// <exception cref="ArgumentException">No touchpoint has that id; the message lists the known ids.</exception>
    public Touchpoint GetTouchpoint(string id) =>
        TryGetTouchpoint(id, out Touchpoint? touchpoint)
            ? touchpoint
            : throw new ArgumentException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected a touchpoint of journey '{Name}', got '{id}'. Known touchpoints: {string.Join(", ", Touchpoints.Select(t => t.Id))}."), nameof(id));

    /// <summary>Returns a stage by id.</summary>
    /// <param name="id">The stage id.</param>
    /// <returns>The stage.</returns>
    /// <exception cref="ArgumentException">No stage has that id; the message lists the known ids.</exception>
    public JourneyStage GetStage(string id) =>
        id is not null && _stages.TryGetValue(id, out JourneyStage? stage)
            ? stage
            : throw new ArgumentException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected a stage of journey '{Name}', got '{id}'. Known stages: {string.Join(", ", Stages.Select(s => s.Id))}."), nameof(id));

    /// <summary>Returns the stage a touchpoint belongs to.</summary>
    /// <param name="touchpointId">The touchpoint id.</param>
    /// <returns>The stage.</returns>
    /// <exception cref="ArgumentException">No touchpoint has that id.</exception>
    public JourneyStage StageOf(string touchpointId) => GetStage(GetTouchpoint(touchpointId).StageId);

    /// <summary>Returns the zero-based index of a touchpoint in <see cref="Touchpoints"/>, or -1.</summary>
    /// <param name="touchpointId">The touchpoint id.</param>
    /// <returns>The index, or -1 when unknown.</returns>
    public int IndexOfTouchpoint(string? touchpointId) =>
        touchpointId is not null && _touchpointIndex.TryGetValue(touchpointId, out int i) ? i : -1;

    /// <summary>Returns the zero-based index of a stage in <see cref="Stages"/> (its journey order), or -1.</summary>
    /// <param name="stageId">The stage id.</param>
    /// <returns>The index, or -1 when unknown.</returns>
    public int IndexOfStage(string? stageId) =>
        stageId is not null && _stageIndex.TryGetValue(stageId, out int i) ? i : -1;

    /// <summary>Returns a short description.</summary>
    /// <returns>For example <c>journey 'Car buyers': 6 stages, 18 touchpoints</c>.</returns>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"journey '{Name}': {Stages.Count} stages, {Touchpoints.Count} touchpoints");
}
