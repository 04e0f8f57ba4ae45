using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Streamline.Nexmark.Generator;
using Xunit;

namespace Streamline.Nexmark.Tests.Generator;

/// <summary>Field-for-field comparison with output of Beam's generator logic run on the JVM (Golden/README.md).</summary>
public sealed class GoldenTests
{
    private static readonly string GoldenDir = Path.Combine(AppContext.BaseDirectory, "Golden");

    [Fact]
    public void First_200_events_of_the_default_config_match_the_java_golden_field_for_field()
    {
        var expected = File.ReadAllLines(Path.Combine(GoldenDir, "beam-default-first-200.tsv"));
        Assert.Equal(200, expected.Length);

        var actual = NexmarkGenerator.Generate(GeneratorConfig.Default).Take(expected.Length).Select(GoldenFormat.Line).ToList();

        for (var i = 0; i < expected.Length; i++)
        {
            var expectedFields = expected[i].Split('\t');
            var actualFields = actual[i].Split('\t');
            Assert.Equal(expectedFields.Length, actualFields.Length);
            for (var f = 0; f < expectedFields.Length; f++)
            {
                Assert.True(
                    expectedFields[f] == actualFields[f],
                    $"Event {i} field {f}: expected '{expectedFields[f]}', got '{actualFields[f]}'.");
            }
        }
    }

    public static TheoryData<string> HashedConfigurations()
    {
        var data = new TheoryData<string>();
        foreach (var line in File.ReadAllLines(Path.Combine(GoldenDir, "beam-sha256.txt")))
        {
            if (line.Length > 0 && line[0] != '#')
            {
                data.Add(line);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(HashedConfigurations))]
    public void Long_runs_and_other_configs_hash_identically_to_the_java_golden(string row)
    {
        var c = row.Split(' ');
        long L(int i) => long.Parse(c[i], CultureInfo.InvariantCulture);
        int I(int i) => int.Parse(c[i], CultureInfo.InvariantCulture);
        var config = GeneratorConfig.Default
            .WithFirstEventId(L(1))
            .WithFirstEventNumber(L(2))
            .WithMaxEvents(L(3))
            .WithOutOfOrderGroupSize(I(4))
            .WithFirstEventRate(I(5))
            .WithNextEventRate(I(6))
            .WithRateShape(Enum.Parse<RateShape>(c[7], ignoreCase: true))
            .WithRatePeriodSec(I(8))
            .WithNumEventGenerators(I(9));

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var count = 0L;
        foreach (var e in NexmarkGenerator.Generate(config).Take((int)L(0)))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(GoldenFormat.Line(e) + "\n"));
            count++;
        }

        Assert.Equal(L(0), count);
        Assert.Equal(c[10], Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}
