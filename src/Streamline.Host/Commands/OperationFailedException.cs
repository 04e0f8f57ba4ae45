namespace Streamline.Host.Commands;

/// <summary>A pipeline operation the node refused or could not do, or a node that could not be reached; the message is what to show.</summary>
public sealed class OperationFailedException(string message, Exception? inner = null) : Exception(message, inner);
