using Akka.Configuration;
using Streamline.Samples.Etl.Normalize;
using Xunit;

namespace Streamline.Samples.Tests.Etl.Normalize;

public sealed class BoilerplateRemoverTests
{
    private const string Prose = "The quiet river carried the boat past the old mill and into the valley.";

    [Theory]
    [InlineData("We use cookies to improve your experience.")]
    [InlineData("© 2024 Example Inc. All rights reserved.")]
    [InlineData("Read our Privacy Policy")]
    [InlineData("Please enable JavaScript to view this page.")]
    [InlineData("Home | News | Sport | Contact")]
    public void Removes_banner_policy_and_menu_lines(string boilerplate)
    {
        var remover = new BoilerplateRemover();

        var result = remover.Remove($"{Prose}\n{boilerplate}\n{Prose} Again.", out var removed);

        Assert.Equal($"{Prose}\n{Prose} Again.", result);
        Assert.Equal(1, removed);
    }

    [Fact]
    public void Removes_short_lines_repeated_within_the_document()
    {
        var text = $"Share this\n{Prose}\nShare this\nThe end of it.";

        Assert.Equal($"{Prose}\nThe end of it.", new BoilerplateRemover().Remove(text));
    }

    [Fact]
    public void Keeps_a_long_paragraph_that_mentions_a_phrase_in_passing()
    {
        var paragraph = "The committee spent most of the afternoon arguing about whether the new privacy policy of the town library "
            + "should allow visitors to borrow laptops overnight, and in the end they agreed to revisit the question in spring "
            + "after hearing from the librarians and the students who use the reading room every day.";

        Assert.Equal(paragraph, new BoilerplateRemover().Remove(paragraph));
    }

    [Fact]
    public void Keeps_a_short_line_that_occurs_once()
    {
        Assert.Equal($"Introduction\n{Prose}", new BoilerplateRemover().Remove($"Introduction\n{Prose}"));
    }

    [Fact]
    public void Phrases_come_from_configuration()
    {
        var config = ConfigurationFactory.ParseString("""streamline.samples.etl.normalize.boilerplate.phrases = ["sponsored content"]""");
        var remover = new BoilerplateRemover(BoilerplateSettings.FromConfig(config));

        Assert.Equal($"{Prose}\nWe use cookies.", remover.Remove($"{Prose}\nSponsored Content\nWe use cookies."));
    }
}
