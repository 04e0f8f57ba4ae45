using Streamline.Core.Records;

namespace Streamline.Core.Exchange;

/// <summary>Picks which of <c>targets</c> downstream tasks receives a record.</summary>
public interface IRecordRouter<T>
{
    int Route(in Record<T> record, int targets);
}
