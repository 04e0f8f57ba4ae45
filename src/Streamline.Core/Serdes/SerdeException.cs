namespace Streamline.Core.Serdes;

/// <summary>A value could not be (de)serialized; the message says which serde and why.</summary>
public sealed class SerdeException : Exception
{
    public SerdeException(string message, Exception? inner = null) : base(message, inner) { }
}
