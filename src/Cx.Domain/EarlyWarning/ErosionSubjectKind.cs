namespace Cx.Domain.EarlyWarning;

/// <summary>What an erosion subject is: a reliability standard, or a touchpoint of the journey.</summary>
public enum ErosionSubjectKind
{
    /// <summary>Not set.</summary>
    Unknown = 0,

    /// <summary>A reliability standard: its failing events are the measurements that miss its threshold.</summary>
    Standard = 1,

    /// <summary>A touchpoint: its failing events are the unreliable experience events there and the failing measurements
    /// of its standards.</summary>
    Touchpoint = 2,
}
