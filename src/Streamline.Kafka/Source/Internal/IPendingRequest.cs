namespace Streamline.Kafka.Source.Internal;

/// <summary>A request from <see cref="SourceControl"/> waiting for the stage.</summary>
internal interface IPendingRequest
{
    void Fail(Exception error);
}
