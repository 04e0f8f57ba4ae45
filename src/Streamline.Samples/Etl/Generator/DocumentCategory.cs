namespace Streamline.Samples.Etl.Generator;

public enum DocumentCategory
{
    Good,
    Html,
    Pii,
    ExactDuplicate,
    NearDuplicate,
    TooShort,
    Gibberish,
    SymbolHeavy,
    BulletList,
    EllipsisTeasers,
    RepeatedLines,
    KeywordStuffing,
    NonEnglish,
}
