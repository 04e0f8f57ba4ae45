using Streamline.Core.Records;

namespace Streamline.Core.Operators;

/// <summary>
/// Base of operators that run user code per record: an exception thrown for one record sends that
/// record to the dead-letter output with the reason, and the stream goes on.
/// </summary>
public abstract class UserFunctionOperator<TIn, TOut> : OneInputOperator<TIn, TOut>
{
    private Output<DeadLetter>? _deadLetters;

    public override IReadOnlyList<IOutputTag> SideOutputTags => DeadLetters.TagOnly;

    /// <summary>Records that failed in user code so far.</summary>
    public long Failed { get; private set; }

    public override void Open() => _deadLetters = SideOutput(DeadLetters.Tag);

    protected void Reject(in Record<TIn> record, Exception error)
    {
        Failed++;
        _deadLetters!.Emit(DeadLetters.FromException(Context.OperatorName, record, error), record.Timestamp);
    }
}
