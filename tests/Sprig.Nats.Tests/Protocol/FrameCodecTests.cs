using System.Text;
using NATS.Client.Core;
using Sprig.Nats.Protocol;
using Sprig.Remoting;

namespace Sprig.Nats.Tests.Protocol;

public sealed class FrameCodecTests
{
    private const string Control = "sprig._ctl.abc";
    private const string Call = "_INBOX.xyz.7";

    private static readonly Dictionary<string, Frame> Samples = new()
    {
        ["call"] = Frame.ForCall(Json("{\"a\":1}")),
        ["call without arguments"] = Frame.ForCall(default),
        ["stream"] = Frame.ForStream(Json("3"), 64),
        ["stream with the worker's window"] = Frame.ForStream(Json("3"), 0),
        ["accepted"] = Frame.Accepted(Control, 32),
        ["heartbeat"] = Frame.Heartbeat(Control),
        ["result"] = Frame.Result(Control, Json("42")),
        ["no result"] = Frame.Result(Control, default),
        ["item"] = Frame.Item(Control, 1, Json("\"a\"")),
        ["empty stream's end"] = Frame.End(Control, 0),
        ["end"] = Frame.End(Control, 1000),
        ["first ack"] = Frame.Ack(Call, 0),
        ["ack"] = Frame.Ack(Call, 64),
        ["cancel"] = Frame.Cancel(Call),
    };

    public static TheoryData<string> Frames() => [.. Samples.Keys];

    [Theory]
    [MemberData(nameof(Frames))]
    public void Decode_ReturnsTheEncodedFrame(string sample)
    {
        var frame = Samples[sample];
        var decoded = RoundTrip(frame);

        // Calls, results and items travel bare: no control subject, and an item's number is given by the caller on arrival.
        var bare = frame.Kind is FrameKind.Call or FrameKind.Item or FrameKind.Result;
        decoded.Kind.Should().Be(frame.Kind);
        decoded.Sequence.Should().Be(bare ? 0 : frame.Sequence);
        decoded.Control.Should().Be(bare ? null : frame.Control);
        decoded.Call.Should().Be(frame.Call);
        decoded.Window.Should().Be(frame.Window);
        decoded.Body.ToArray().Should().Equal(frame.Body.ToArray());
    }

    [Fact]
    public void Decode_ReturnsTheFailure_OfAnErrorFrame()
    {
        var failure = new RemoteFailure(400, "The arguments do not fit the endpoint.", "bad 'a'") { Parameter = "a", Path = "$.a" };

        var decoded = RoundTrip(Frame.Error(Control, failure));

        decoded.Kind.Should().Be(FrameKind.Error);
        decoded.Control.Should().Be(Control);
        decoded.Failure.Should().Be(failure);
    }

    [Fact]
    public void Encode_WritesTheKindAndFieldsAsHeaders()
    {
        var (headers, body) = FrameCodec.Encode(Frame.End(Control, 5));

        headers!.ToDictionary(h => h.Key, h => h.Value.ToString()).Should().Equal(new Dictionary<string, string>
        {
            ["Sprig-Frame"] = "end",
            ["Sprig-Seq"] = "5",
            ["Sprig-Control"] = Control,
        });
        body.IsEmpty.Should().BeTrue();
    }

    [Fact]
    public void Encode_SendsItemsAndResultsBare_AsTheirJsonAlone()
    {
        var (itemHeaders, item) = FrameCodec.Encode(Frame.Item(Control, 5, Json("1")));
        var (resultHeaders, result) = FrameCodec.Encode(Frame.Result(Control, Json("{\"a\":1}")));

        itemHeaders.Should().BeNull();
        Encoding.UTF8.GetString(item.Span).Should().Be("1");
        resultHeaders.Should().BeNull();
        Encoding.UTF8.GetString(result.Span).Should().Be("{\"a\":1}");
    }

    [Fact]
    public void TryDecode_ReadsABareMessageAsWhatItsCallExpects()
    {
        FrameCodec.TryDecode(null, Json("7"), noResponders: false, out var item, out _, FrameKind.Item).Should().BeTrue();
        FrameCodec.TryDecode(null, default, noResponders: false, out var voidResult, out _, FrameKind.Result).Should().BeTrue();

        (item!.Kind, Encoding.UTF8.GetString(item.Body.Span)).Should().Be((FrameKind.Item, "7"));
        (voidResult!.Kind, voidResult.Body.IsEmpty).Should().Be((FrameKind.Result, true), "an empty result is a void call's answer");
    }

    [Fact]
    public void TryDecode_RefusesAnEmptyBareItem_AndABareMessageWhereNoneIsExpected()
    {
        FrameCodec.TryDecode(null, default, noResponders: false, out _, out var emptyItem, FrameKind.Item).Should().BeFalse();
        FrameCodec.TryDecode(null, Json("7"), noResponders: false, out _, out var unexpected).Should().BeFalse();

        emptyItem.Should().Be("an 'item' frame has an empty body; an item is one JSON value");
        unexpected.Should().Be("no Sprig-Frame header");
    }

    [Fact]
    public void Encode_Throws_ForNoResponders()
    {
        var act = () => FrameCodec.Encode(Frame.NoResponders);

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Decode_ReturnsNoResponders_ForTheServersNoRespondersStatus()
    {
        FrameCodec.TryDecode(null, default, noResponders: true, out var frame, out _).Should().BeTrue();

        frame!.Kind.Should().Be(FrameKind.NoResponders);
    }

    public static TheoryData<string, Dictionary<string, string>?, string, string> Malformed() => new()
    {
        { "no headers", null, "", "no Sprig-Frame header" },
        { "no kind", new() { ["Other"] = "x" }, "", "no Sprig-Frame header" },
        { "unknown kind", new() { ["Sprig-Frame"] = "explode" }, "", "unknown Sprig-Frame 'explode'" },
        { "kind in another case", new() { ["Sprig-Frame"] = "Item", ["Sprig-Seq"] = "1" }, "1", "unknown Sprig-Frame 'Item'" },
        { "sequence not a number", new() { ["Sprig-Frame"] = "item", ["Sprig-Seq"] = "one", ["Sprig-Control"] = Control }, "1", "Sprig-Seq 'one' is not a whole number of 0 or more" },
        { "negative sequence", new() { ["Sprig-Frame"] = "end", ["Sprig-Seq"] = "-1" }, "", "Sprig-Seq '-1' is not a whole number of 0 or more" },
        { "item without sequence", new() { ["Sprig-Frame"] = "item" }, "1", "a 'item' frame needs a Sprig-Seq header" },
        { "item 0", new() { ["Sprig-Frame"] = "item", ["Sprig-Seq"] = "0" }, "1", "an 'item' frame's Sprig-Seq starts at 1" },
        { "empty item", new() { ["Sprig-Frame"] = "item", ["Sprig-Seq"] = "1" }, "", "an 'item' frame has an empty body; an item is one JSON value" },
        { "end without sequence", new() { ["Sprig-Frame"] = "end" }, "", "a 'end' frame needs a Sprig-Seq header" },
        { "ack without sequence", new() { ["Sprig-Frame"] = "ack", ["Sprig-Call"] = Call }, "", "a 'ack' frame needs a Sprig-Seq header" },
        { "ack without call", new() { ["Sprig-Frame"] = "ack", ["Sprig-Seq"] = "4" }, "", "a 'ack' frame needs a Sprig-Call header" },
        { "cancel without call", new() { ["Sprig-Frame"] = "cancel" }, "", "a 'cancel' frame needs a Sprig-Call header" },
        { "accepted without window", new() { ["Sprig-Frame"] = "accepted", ["Sprig-Control"] = Control }, "", "a 'accepted' frame needs a Sprig-Window header" },
        { "accepted without control", new() { ["Sprig-Frame"] = "accepted", ["Sprig-Window"] = "8" }, "", "a 'accepted' frame needs a Sprig-Control header" },
        { "heartbeat without control", new() { ["Sprig-Frame"] = "heartbeat" }, "", "a 'heartbeat' frame needs a Sprig-Control header" },
        { "window 0", new() { ["Sprig-Frame"] = "stream", ["Sprig-Window"] = "0" }, "1", "Sprig-Window '0' is not a whole number greater than 0" },
        { "window not a number", new() { ["Sprig-Frame"] = "stream", ["Sprig-Window"] = "lots" }, "1", "Sprig-Window 'lots' is not a whole number greater than 0" },
        { "control with a wildcard", new() { ["Sprig-Frame"] = "heartbeat", ["Sprig-Control"] = "sprig._ctl.*" }, "", "Sprig-Control 'sprig._ctl.*' is not a NATS subject" },
        { "call with a space", new() { ["Sprig-Frame"] = "cancel", ["Sprig-Call"] = "_INBOX.a b" }, "", "Sprig-Call '_INBOX.a b' is not a NATS subject" },
        { "call with an empty token", new() { ["Sprig-Frame"] = "cancel", ["Sprig-Call"] = "_INBOX..1" }, "", "Sprig-Call '_INBOX..1' is not a NATS subject" },
        { "error that is not JSON", new() { ["Sprig-Frame"] = "error" }, "oops", "an 'error' frame's body is not a failure (JSON with status, title and detail)" },
        { "error without a status", new() { ["Sprig-Frame"] = "error" }, "{\"title\":\"t\",\"detail\":\"d\"}", "an 'error' frame's body is not a failure (JSON with status, title and detail)" },
        { "error with an empty body", new() { ["Sprig-Frame"] = "error" }, "", "an 'error' frame's body is not a failure (JSON with status, title and detail)" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void TryDecode_SaysWhatIsWrong_WithAMalformedMessage(string because, Dictionary<string, string>? headers, string body, string problem)
    {
        var natsHeaders = headers is null ? null : new NatsHeaders(headers.ToDictionary(h => h.Key, h => new Microsoft.Extensions.Primitives.StringValues(h.Value)));

        var decoded = FrameCodec.TryDecode(natsHeaders, Json(body), noResponders: false, out var frame, out var actual);

        decoded.Should().BeFalse(because);
        frame.Should().BeNull();
        actual.Should().Be(problem);
    }

    private const string TraceParent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    [Fact]
    public void ATracedCall_StaysBare_WithOnlyTheTraceContextAsHeaders()
    {
        var (headers, body) = FrameCodec.Encode(Frame.ForCall(Json("{}")) with { TraceParent = TraceParent, TraceState = "vendor=1" });

        headers!.Keys.Should().BeEquivalentTo("traceparent", "tracestate");
        Encoding.UTF8.GetString(body.Span).Should().Be("{}");
        FrameCodec.TryDecode(headers, body, noResponders: false, out var decoded, out var problem, FrameKind.Call).Should().BeTrue(problem);
        decoded.Should().BeEquivalentTo(new { Kind = FrameKind.Call, TraceParent, TraceState = "vendor=1" });
    }

    [Fact]
    public void ATracedStream_CarriesTheTraceContext_NextToItsFrameHeaders()
    {
        var decoded = RoundTrip(Frame.ForStream(Json("3"), 8) with { TraceParent = TraceParent });

        decoded.Should().BeEquivalentTo(new { Kind = FrameKind.Stream, Window = 8, TraceParent, TraceState = (string?)null });
    }

    [Fact]
    public void AnUntracedCall_HasNoHeadersAtAll()
    {
        FrameCodec.Encode(Frame.ForCall(Json("{}"))).Headers.Should().BeNull();
    }

    [Theory]
    [InlineData(TraceParent, true)]
    [InlineData("00-not-a-trace", false)]
    [InlineData(null, false)]
    public void TheTraceContext_IsReadOnlyWhenWellFormed(string? traceParent, bool parsed)
    {
        var context = Telemetry.SprigTelemetry.Parent(traceParent, null);

        (context != default).Should().Be(parsed);
        if (parsed)
        {
            context.IsRemote.Should().BeTrue();
            context.TraceId.ToHexString().Should().Be("4bf92f3577b34da6a3ce929d0e0e4736");
        }
    }

    private static Frame RoundTrip(Frame frame)
    {
        var (headers, body) = FrameCodec.Encode(frame);
        FrameKind? bare = frame.Kind is FrameKind.Call or FrameKind.Item or FrameKind.Result ? frame.Kind : null;
        FrameCodec.TryDecode(headers, body, noResponders: false, out var decoded, out var problem, bare).Should().BeTrue(problem);
        return decoded!;
    }

    private static ReadOnlyMemory<byte> Json(string text) => Encoding.UTF8.GetBytes(text);
}
