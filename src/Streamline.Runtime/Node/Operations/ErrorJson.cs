namespace Streamline.Runtime.Node.Operations;

/// <summary>Any failed pipeline operation: what went wrong and what to do, for the caller to show as is.</summary>
public sealed record ErrorJson(string Error);
