namespace Streamline.Samples.Etl.Generator;

/// <summary>
/// German, Spanish and French word lists for the non-English category. None of them contains a word of the
/// English stop-word list, so those documents are expected to fail exactly the stop-word rule.
/// </summary>
internal sealed record ForeignLexicon(
    string Language, string[] Articles, string[] Adjectives, string[] Nouns, string[] Verbs, string[] Prepositions, string[] Conjunctions)
{
    public static readonly ForeignLexicon German = new(
        "de",
        ["der", "die", "das", "ein", "eine", "dem", "den"],
        ["große", "kleine", "alte", "neue", "schöne", "ruhige", "helle", "lange"],
        ["Haus", "Stadt", "Wasser", "Zeit", "Arbeit", "Schule", "Straße", "Garten", "Brücke", "Fenster", "Himmel", "Sprache", "Geschichte", "Musik", "Wetter", "Bahnhof"],
        ["baut", "liest", "findet", "bringt", "zeigt", "sucht", "malt", "hört"],
        ["mit", "von", "nach", "bei", "über", "unter", "neben"],
        ["und", "aber", "oder", "weil", "denn"]);

    public static readonly ForeignLexicon Spanish = new(
        "es",
        ["el", "la", "los", "las", "un", "una"],
        ["grande", "pequeña", "antigua", "nueva", "hermosa", "tranquila", "clara", "larga"],
        ["casa", "ciudad", "agua", "tiempo", "trabajo", "escuela", "calle", "jardín", "puente", "ventana", "cielo", "idioma", "historia", "música", "estación", "montaña"],
        ["construye", "lee", "encuentra", "trae", "muestra", "busca", "pinta", "escucha"],
        ["con", "de", "en", "sobre", "bajo", "para", "desde"],
        ["y", "pero", "o", "porque", "aunque"]);

    public static readonly ForeignLexicon French = new(
        "fr",
        ["le", "la", "les", "un", "une", "des"],
        ["grande", "petite", "vieille", "nouvelle", "belle", "calme", "claire", "longue"],
        ["maison", "ville", "eau", "temps", "travail", "école", "rue", "jardin", "pont", "fenêtre", "ciel", "langue", "histoire", "musique", "gare", "montagne"],
        ["construit", "lit", "trouve", "apporte", "montre", "cherche", "peint", "écoute"],
        ["avec", "dans", "sur", "sous", "pour", "depuis", "chez"],
        ["et", "mais", "ou", "car", "donc"]);

    public static readonly ForeignLexicon[] All = [German, Spanish, French];
}
