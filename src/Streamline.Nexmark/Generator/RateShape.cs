namespace Streamline.Nexmark.Generator;

/// <summary>
/// How the event rate moves between <see cref="GeneratorConfig.FirstEventRate"/> and
/// <see cref="GeneratorConfig.NextEventRate"/> (Beam's <c>RateShape</c>); irrelevant when both are equal.
/// </summary>
public enum RateShape
{
    /// <summary>Alternates the two rates, each for half of the period.</summary>
    Square,

    /// <summary>Ten steps of <c>mid + amp·cos(2πi/10)</c> per period.</summary>
    Sine,
}
