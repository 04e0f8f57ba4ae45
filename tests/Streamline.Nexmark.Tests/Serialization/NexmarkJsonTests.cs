using System.Text;
using System.Text.Json;
using Streamline.Nexmark.Generator;
using Streamline.Nexmark.Model;
using Streamline.Nexmark.Serialization;
using Xunit;

namespace Streamline.Nexmark.Tests.Serialization;

public sealed class NexmarkJsonTests
{
    [Fact]
    public void Generated_events_round_trip_through_json()
    {
        foreach (var e in NexmarkGenerator.Generate(GeneratorConfig.Default.WithMaxEvents(2_000)))
        {
            var json = NexmarkJson.SerializeToUtf8Bytes(e);
            Assert.Equal(e, NexmarkJson.Deserialize(e.Kind, json));
        }
    }

    [Fact]
    public void Person_json_uses_snake_case_names_and_utc_timestamp_strings()
    {
        var person = new Person(1000, "Peter Jones", "nhd@xcat.com", "7241 7320 9143 4888", "Portland", "WY", 1_436_918_400_123, "x");
        var json = Encoding.UTF8.GetString(NexmarkJson.SerializeToUtf8Bytes(new NexmarkEvent(person)));
        Assert.Equal(
            "{\"id\":1000,\"name\":\"Peter Jones\",\"email_address\":\"nhd@xcat.com\",\"credit_card\":\"7241 7320 9143 4888\"," +
            "\"city\":\"Portland\",\"state\":\"WY\",\"date_time\":\"2015-07-15 00:00:00.123\",\"extra\":\"x\"}",
            json);
    }

    [Fact]
    public void Auction_and_bid_json_carry_the_nexmark_column_names()
    {
        var auction = new Auction(1000, "item", "desc", 100, 200, 1_436_918_400_000, 1_436_918_401_000, 1001, 10, "");
        var auctionJson = JsonSerializer.Serialize(auction, NexmarkJsonContext.Default.Auction);
        Assert.Contains("\"item_name\":\"item\"", auctionJson, StringComparison.Ordinal);
        Assert.Contains("\"initial_bid\":100", auctionJson, StringComparison.Ordinal);
        Assert.Contains("\"expires\":\"2015-07-15 00:00:01.000\"", auctionJson, StringComparison.Ordinal);

        var bid = new Bid(1000, 1001, 5, "Apple", "u", 0, "");
        var bidJson = JsonSerializer.Serialize(bid, NexmarkJsonContext.Default.Bid);
        Assert.Equal(
            "{\"auction\":1000,\"bidder\":1001,\"price\":5,\"channel\":\"Apple\",\"url\":\"u\",\"date_time\":\"1970-01-01 00:00:00.000\",\"extra\":\"\"}",
            bidJson);
    }

    [Fact]
    public void Timestamps_are_also_read_from_epoch_millis_and_iso_8601()
    {
        const string json = "{\"auction\":1,\"bidder\":2,\"price\":3,\"channel\":\"c\",\"url\":\"u\",\"date_time\":1436918400123,\"extra\":\"\"}";
        Assert.Equal(1_436_918_400_123, NexmarkJson.Deserialize(EventKind.Bid, Encoding.UTF8.GetBytes(json)).Timestamp);

        var iso = json.Replace("1436918400123", "\"2015-07-15T02:00:00.123+02:00\"", StringComparison.Ordinal);
        Assert.Equal(1_436_918_400_123, NexmarkJson.Deserialize(EventKind.Bid, Encoding.UTF8.GetBytes(iso)).Timestamp);
    }

    [Theory]
    [InlineData("{\"auction\":1,\"bidder\":2,\"price\":3,\"channel\":\"c\",\"url\":\"u\",\"date_time\":\"not a time\",\"extra\":\"\"}")]
    [InlineData("{\"auction\":1,\"bidder\":2,\"price\":3,\"channel\":null,\"url\":\"u\",\"date_time\":0,\"extra\":\"\"}")]
    [InlineData("{\"auction\":1,\"bidder\":2,\"price\":3,\"url\":\"u\",\"date_time\":0,\"extra\":\"\"}")]
    [InlineData("null")]
    public void Malformed_json_raises_JsonException(string json) =>
        Assert.ThrowsAny<JsonException>(() => NexmarkJson.Deserialize(EventKind.Bid, Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void Serialize_writes_the_payload_to_a_writer()
    {
        var e = NexmarkGenerator.Generate(GeneratorConfig.Default).Skip(1).First();
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            NexmarkJson.Serialize(writer, e);
        }

        Assert.Equal(NexmarkJson.SerializeToUtf8Bytes(e), stream.ToArray());
    }
}
