using Akka.Actor;
using Akka.Event;

namespace Streamline.Runtime.Tests.Checkpoints;

/// <summary>
/// A logger that prints nothing. Tests of an unreachable database use it: the store logs a full
/// stack trace every second while it retries, yet its errors must still be published (the storage
/// reads them from the event stream to name the database error), which akka.loglevel = OFF would stop.
/// </summary>
public sealed class SilentLogger : ReceiveActor
{
    public const string Config = "akka.loggers = [\"Streamline.Runtime.Tests.Checkpoints.SilentLogger, Streamline.Runtime.Tests\"]";

    public SilentLogger()
    {
        Receive<InitializeLogger>(_ => Sender.Tell(new LoggerInitialized()));
        ReceiveAny(_ => { });
    }
}
