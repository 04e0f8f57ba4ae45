namespace Streamline.Samples.Clickstream;

/// <summary>Derives the funnel step from a page path, so the step never disagrees with the page.</summary>
public static class FunnelSteps
{
    public static FunnelStep FromPage(string page) => page switch
    {
        "/" => FunnelStep.Landing,
        "/cart" => FunnelStep.Cart,
        "/checkout" => FunnelStep.Checkout,
        "/order/confirmation" => FunnelStep.Purchase,
        _ when page.StartsWith("/category/", StringComparison.Ordinal) => FunnelStep.Category,
        _ when page.StartsWith("/product/", StringComparison.Ordinal) => FunnelStep.Product,
        _ => FunnelStep.None,
    };
}
