using System.Text.Json.Nodes;

namespace Sprig.Web.Tests.Diagnostics;

/// <summary>Compares whole JSON bodies.</summary>
public static class JsonAssert
{
    /// <summary>Asserts that <paramref name="actual"/> is exactly the JSON <paramref name="expected"/> (object members in any order).</summary>
    public static void ShouldBeJson(this JsonNode? actual, string expected)
    {
        var equal = JsonNode.DeepEquals(actual, JsonNode.Parse(expected));
        equal.Should().BeTrue($"the body should be {JsonNode.Parse(expected)!.ToJsonString()}, but it is {actual?.ToJsonString()}");
    }

    /// <summary>Replaces every "durationMs" (and "startMs") number with 0, so that a body with timings can be compared whole.</summary>
    public static JsonNode WithoutTimings(this JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).ToList())
                {
                    if (name is "durationMs" or "startMs")
                    {
                        obj[name]!.GetValue<double>().Should().BeGreaterThanOrEqualTo(0, "{0} is a time", name);
                        obj[name] = 0;
                    }
                    else if (obj[name] is { } child)
                    {
                        child.WithoutTimings();
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    item?.WithoutTimings();
                }

                break;
        }

        return node;
    }
}
