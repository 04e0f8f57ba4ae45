namespace Streamline.Kafka.Source;

public enum StartOffsetKind
{
    Offset,
    Earliest,
    Latest,
    Committed,
}
