using Streamline.Nexmark.Model;

namespace Streamline.Nexmark.Generator.Internal;

/// <summary>Beam's <c>PersonGenerator.nextPerson</c>, drawing in the same order.</summary>
internal static class PersonFactory
{
    private static readonly string[] States = ["AZ", "CA", "ID", "OR", "WA", "WY"];

    private static readonly string[] Cities =
        ["Phoenix", "Los Angeles", "San Francisco", "Boise", "Portland", "Bend", "Redmond", "Seattle", "Kent", "Cheyenne"];

    private static readonly string[] FirstNames =
        ["Peter", "Paul", "Luke", "John", "Saul", "Vicky", "Kate", "Julie", "Sarah", "Deiter", "Walter"];

    private static readonly string[] LastNames =
        ["Shultz", "Abrams", "Spencer", "White", "Bartels", "Walton", "Smith", "Jones", "Noris"];

    // All 99 "<first> <last>" names, so a person costs no name allocation.
    private static readonly string[] FullNames = BuildFullNames();

    private const int CreditCardLength = 19;

    public static Person Next(long eventId, JavaRandom random, long timestamp, GeneratorConfig config)
    {
        var id = IdSpace.LastBase0PersonId(eventId, config) + GeneratorConfig.FirstPersonId;
        var first = random.NextInt(FirstNames.Length);
        var name = FullNames[(first * LastNames.Length) + random.NextInt(LastNames.Length)];
        var email = NextEmail(random);
        var creditCard = NextCreditCard(random);
        var city = Cities[random.NextInt(Cities.Length)];
        var state = States[random.NextInt(States.Length)];
        var currentSize = 8 + name.Length + email.Length + creditCard.Length + city.Length + state.Length;
        var extra = RandomStrings.NextExtra(random, currentSize, config.AvgPersonByteSize);
        return new Person(id, name, email, creditCard, city, state, timestamp, extra);
    }

    private static string NextEmail(JavaRandom random)
    {
        // nextString(7) + "@" + nextString(5) + ".com": at most 6 + 1 + 4 + 4 chars.
        Span<char> buffer = stackalloc char[16];
        var length = RandomStrings.Write(random, 7, ' ', buffer);
        buffer[length++] = '@';
        length += RandomStrings.Write(random, 5, ' ', buffer[length..]);
        ".com".CopyTo(buffer[length..]);
        return new string(buffer[..(length + 4)]);
    }

    private static string NextCreditCard(JavaRandom random)
    {
        var groups = (random.NextInt(10_000), random.NextInt(10_000), random.NextInt(10_000), random.NextInt(10_000));
        return string.Create(CreditCardLength, groups, static (span, g) =>
        {
            WriteGroup(span, g.Item1);
            span[4] = ' ';
            WriteGroup(span[5..], g.Item2);
            span[9] = ' ';
            WriteGroup(span[10..], g.Item3);
            span[14] = ' ';
            WriteGroup(span[15..], g.Item4);
        });
    }

    private static void WriteGroup(Span<char> span, int value)
    {
        for (var i = 3; i >= 0; i--)
        {
            span[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }

    private static string[] BuildFullNames()
    {
        var names = new string[FirstNames.Length * LastNames.Length];
        for (var f = 0; f < FirstNames.Length; f++)
        {
            for (var l = 0; l < LastNames.Length; l++)
            {
                names[(f * LastNames.Length) + l] = FirstNames[f] + " " + LastNames[l];
            }
        }

        return names;
    }
}
