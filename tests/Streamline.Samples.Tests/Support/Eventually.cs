namespace Streamline.Samples.Tests.Support;

/// <summary>Waiting on an unbounded source, which never completes on its own: poll a condition up to a deadline.</summary>
internal static class Eventually
{
    public static async Task Until(Func<bool> condition, TimeSpan timeout, Func<string> describe)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"not reached within {timeout.TotalSeconds:F0} s: {describe()}");
            }

            await Task.Delay(10);
        }
    }
}
