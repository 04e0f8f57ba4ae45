namespace Streamline.Samples.Etl.Pii;

public enum PiiKind
{
    Email,
    Phone,
    IpAddress,
    CreditCard,
}
