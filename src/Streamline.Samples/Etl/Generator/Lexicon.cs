namespace Streamline.Samples.Etl.Generator;

/// <summary>Small embedded word lists: enough variety that generated prose has almost no repeated 5-grams.</summary>
internal static class Lexicon
{
    public static readonly string[] Nouns =
    [
        "river", "garden", "library", "engineer", "teacher", "village", "market", "bridge", "forest", "museum",
        "harbor", "kitchen", "student", "painter", "farmer", "doctor", "mountain", "island", "window", "station",
        "record", "journey", "theory", "machine", "network", "council", "festival", "harvest", "letter", "lantern",
        "orchard", "journal", "canyon", "meadow", "cathedral", "workshop", "printer", "sailor", "climate", "history",
        "signal", "battery", "planet", "lecture", "archive", "chapter", "courtyard", "factory", "highway", "blanket",
        "compass", "diagram", "engine", "fountain", "glacier", "hospital", "insect", "jacket", "kettle", "ladder",
        "mirror", "notebook", "ocean", "pattern", "quarry", "recipe", "saddle", "tunnel", "umbrella", "valley",
        "wagon", "yard", "pilot", "writer", "neighbor", "customer", "surgeon", "musician", "gardener", "merchant",
    ];

    public static readonly string[] Adjectives =
    [
        "quiet", "ancient", "bright", "careful", "distant", "early", "famous", "gentle", "heavy", "honest",
        "local", "modern", "narrow", "patient", "rapid", "simple", "steady", "tiny", "useful", "warm",
        "wooden", "young", "curious", "daily", "empty", "fragile", "golden", "hidden", "level", "massive",
        "northern", "open", "private", "rural", "silent", "southern", "tired", "urban", "vivid", "wide",
        "cheerful", "clever", "crowded", "dusty", "eager", "fresh", "humble", "lively", "polite", "sturdy",
    ];

    public static readonly string[] Verbs =
    [
        "built", "carried", "described", "discovered", "explained", "followed", "gathered", "improved", "joined",
        "measured", "noticed", "opened", "painted", "repaired", "studied", "visited", "watched", "welcomed",
        "checked", "cleaned", "designed", "finished", "guarded", "helped", "invited", "launched", "moved",
        "ordered", "planned", "questioned", "reached", "shared", "tested", "updated", "valued", "wrapped",
        "collected", "delivered", "examined", "recorded",
    ];

    public static readonly string[] Adverbs =
    [
        "slowly", "quickly", "carefully", "quietly", "openly", "gladly", "rarely", "often", "finally", "nearly",
        "proudly", "calmly", "warmly", "boldly", "gently", "easily", "clearly", "briefly", "freely", "kindly",
    ];

    public static readonly string[] Subjects = ["We", "They", "Our team", "The visitors", "Most people", "Some experts", "Her friends"];

    public static readonly string[] Times =
    [
        "last spring", "every morning", "after the storm", "before the winter", "during the festival",
        "in the evening", "at dawn", "later that year", "on most weekends", "in the summer",
    ];

    public static readonly string[] FirstNames = ["alice", "bruno", "chen", "dana", "emeka", "fatima", "gus", "hana", "ivan", "jules"];

    public static readonly string[] LastNames = ["smith", "garcia", "kim", "novak", "okafor", "rossi", "tanaka", "weber", "young", "zhou"];

    public static readonly string[] Domains = ["example.com", "mail.example.org", "corp.example.net", "inbox.example.io"];
}
