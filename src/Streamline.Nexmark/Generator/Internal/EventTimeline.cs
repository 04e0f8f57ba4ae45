namespace Streamline.Nexmark.Generator.Internal;

/// <summary>
/// Maps an event number to its event time (NEXMARK.md §1.4): Beam's integer-microsecond delays,
/// optionally stepped through a SQUARE/SINE rate shape, or NXF's fractional constant delay.
/// </summary>
internal sealed class EventTimeline
{
    private const int SineSteps = 10;

    private readonly long _baseTimeMs;
    private readonly long[] _delaysUs;
    private readonly long _stepLengthSec;
    private readonly long _eventsPerEpoch;
    private readonly long _epochPeriodMs;
    private readonly double _fractionalDelayUs;
    private readonly bool _fractional;

    public EventTimeline(GeneratorConfig config)
    {
        config.Validate();
        _baseTimeMs = config.BaseTimeMs;
        _fractional = config.FractionalInterEventDelay;
        _fractionalDelayUs = 1_000_000.0 / config.FirstEventRate * config.NumEventGenerators;
        _delaysUs = IntegerDelays(config);
        _stepLengthSec = StepLengthSec(config);
        if (_delaysUs.Length > 1)
        {
            foreach (var delay in _delaysUs)
            {
                var events = _stepLengthSec * 1_000_000L / delay;
                _eventsPerEpoch += events;
                _epochPeriodMs += events * delay / 1000L;
            }
        }
    }

    /// <summary>Event time (ms) of <paramref name="eventNumber"/> on this generator's timeline.</summary>
    public long TimestampOf(long eventNumber)
    {
        if (_fractional)
        {
            return _baseTimeMs + ((long)(eventNumber * _fractionalDelayUs) / 1000L);
        }

        if (_delaysUs.Length == 1)
        {
            return _baseTimeMs + unchecked(eventNumber * _delaysUs[0]) / 1000L;
        }

        var epoch = eventNumber / _eventsPerEpoch;
        var n = eventNumber % _eventsPerEpoch;
        var offsetInEpochMs = 0L;
        foreach (var delay in _delaysUs)
        {
            var eventsThisStep = _stepLengthSec * 1_000_000L / delay;
            if (n < eventsThisStep)
            {
                return _baseTimeMs + (epoch * _epochPeriodMs) + offsetInEpochMs + (n * delay / 1000L);
            }

            n -= eventsThisStep;
            offsetInEpochMs += eventsThisStep * delay / 1000L;
        }

        throw new InvalidOperationException("Rate-shape epoch bookkeeping is inconsistent.");
    }

    private static long[] IntegerDelays(GeneratorConfig config)
    {
        var generators = config.NumEventGenerators;
        if (config.FirstEventRate == config.NextEventRate || config.FractionalInterEventDelay)
        {
            return [GeneratorConfig.IntegerPeriodUs(config.FirstEventRate) * generators];
        }

        if (config.RateShape == RateShape.Square)
        {
            return
            [
                GeneratorConfig.IntegerPeriodUs(config.FirstEventRate) * generators,
                GeneratorConfig.IntegerPeriodUs(config.NextEventRate) * generators,
            ];
        }

        var mid = (config.FirstEventRate + (double)config.NextEventRate) / 2.0;
        var amp = (config.FirstEventRate - (double)config.NextEventRate) / 2.0;
        var delays = new long[SineSteps];
        for (var i = 0; i < SineSteps; i++)
        {
            var r = 2.0 * Math.PI * i / SineSteps;
            var rate = JavaMath.Round(mid + (amp * Math.Cos(r)));
            delays[i] = GeneratorConfig.IntegerPeriodUs(rate) * generators;
        }

        return delays;
    }

    private static long StepLengthSec(GeneratorConfig config)
    {
        var steps = config.RateShape == RateShape.Square ? 2 : SineSteps;
        return (config.RatePeriodSec + steps - 1) / steps;
    }
}
