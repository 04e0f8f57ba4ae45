namespace Streamline.Samples.Clickstream;

/// <summary>Position of a page in the purchase funnel, in order; funnel analytics count users reaching each step.</summary>
public enum FunnelStep
{
    None,
    Landing,
    Category,
    Product,
    Cart,
    Checkout,
    Purchase,
}
