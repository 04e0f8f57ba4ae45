namespace Streamline.Core.Operators.Process;

public enum TimeDomain
{
    EventTime,
    ProcessingTime,
}
