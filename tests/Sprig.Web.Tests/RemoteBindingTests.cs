using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using static Sprig.Web.Tests.RemoteComponents;

namespace Sprig.Web.Tests;

/// <summary>
/// Which side a contract call goes to: a local implementation before any remote binding, a remote proxy only when a transport
/// carries the component, a refresh failure when neither serves it; and a server never forwards what it does not serve itself.
/// </summary>
public sealed class RemoteBindingTests
{
    [Fact]
    public void Refresh_Fails_WhenAnInjectedContractHasNeitherALocalImplementationNorARemoteUrl()
    {
        using var client = RemotePair.CreateClient(new PendingRegistry().Register<PriceBoard>(), []);

        var act = client.Refresh;

        act.Should().Throw<ComponentNotFoundException>().Which.Message.Should().Be(
            "'PriceBoard' needs contract 'RemoteComponents.ICalculator' (component 'remote/Calculator') for constructor parameter 'calculator', "
            + "but no component here implements it and no transport is configured to call it in another process. Path: PriceBoard. "
            + "Either register a component that implements RemoteComponents.ICalculator in this process, or call it remotely: reference "
            + "Sprig.Nats and set Sprig:Nats:Url (e.g. nats://127.0.0.1:4222), or set Sprig:Remotes:remote:Calculator:Url to the base URL "
            + "of a server that maps Sprig's routes.");
    }

    [Fact]
    public void Get_ThrowsComponentNotFound_WhenNoTransportCarriesTheContract()
    {
        using var client = RemotePair.CreateClient(new PendingRegistry(), []);
        client.Refresh();

        var act = () => client.Get<ICalculator>();

        act.Should().Throw<ComponentNotFoundException>().Which.Message.Should().Be(
            "No component implements contract RemoteComponents.ICalculator (component 'remote/Calculator') in this process, and no transport "
            + "is configured to call it in another process. Either register a component that implements it, or call it remotely: reference "
            + "Sprig.Nats and set Sprig:Nats:Url, or set Sprig:Remotes:remote:Calculator:Url.");
    }

    [Fact]
    public void Refresh_Fails_WhenAComponentImplementsAContractUnderAnotherName()
    {
        using var context = RemotePair.CreateClient(new PendingRegistry().Register<MisnamedCalculator>(), []);

        var act = context.Refresh;

        act.Should().Throw<ContainerException>().Which.Message.Should().Be(
            "Component 'remote/Abacus' implements contract RemoteComponents.ICalculator, which belongs to component 'remote/Calculator': "
            + "callers of the contract would call an address this component does not serve. Name the component 'Calculator' in namespace "
            + "'remote' ([Component(\"Calculator\", Namespace = \"remote\")]), or change the contract's [ComponentContract] to match.");
    }

    [Fact]
    public void Refresh_Fails_WhenAComponentImplementsAContractInAnotherNamespace()
    {
        using var context = RemotePair.CreateClient(new PendingRegistry().Register<MisplacedCalculator>(), []);

        var act = context.Refresh;

        act.Should().Throw<ContainerException>().Which.Message.Should().Be(
            "Component 'elsewhere/Calculator' implements contract RemoteComponents.ICalculator, which belongs to component 'remote/Calculator': "
            + "callers of the contract would call an address this component does not serve. Name the component 'Calculator' in namespace "
            + "'remote' ([Component(\"Calculator\", Namespace = \"remote\")]), or change the contract's [ComponentContract] to match.");
    }

    [Fact]
    public async Task Get_ReturnsTheLocalImplementation_WhenTheContractAlsoHasARemoteBinding()
    {
        var signals = new Signals();
        await using var context = RemotePair.CreateClient(
            new PendingRegistry().Register<Calculator>().Register<PriceBoard>().RegisterInstance("Signals", signals),
            new() { ["Sprig:Remotes:remote:Calculator:Url"] = "http://127.0.0.1:9/" });
        context.Refresh();

        var calculator = context.Get<ICalculator>();

        calculator.Should().BeSameAs(context.Get<Calculator>());
        context.Get<PriceBoard>().Calculator.Should().BeSameAs(calculator);
        (await calculator.NegateAsync(3)).Should().Be(-3);
        (await context.Endpoints.InvokeAsync("remote/Calculator/NegateAsync", JsonSerializer.SerializeToElement(4))).GetInt32().Should().Be(-4);
        context.Endpoints.Find("remote/Calculator/price").Should().NotBeNull();
    }

    [Fact]
    public async Task Server_Answers404Problem_ForAnAddressItHasOnlyARemoteBindingFor()
    {
        await using var other = await ServedContext.StartAsync(new PendingRegistry().Register<OtherComponent>());
        await using var server = await ServedContext.StartAsync(
            new PendingRegistry().Register<Calculator>().RegisterInstance("Signals", new Signals()),
            new() { ["Sprig:Remotes:other:Comp:Url"] = other.Server.BaseAddress.ToString() });

        var response = await server.Client.PostAsync("/rpc/other/Comp/x", null);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail.Should().Be(
            "No endpoint has the address 'other/Comp/x'. An address is '{namespace}/{component}/{endpoint}'; check it, and check that the "
            + "method is marked [Endpoint] and that its component is registered and not excluded by a condition.");
        (await server.Context.Endpoints.InvokeAsync("other/Comp/x", default)).GetString().Should().Be(
            "served by the other process", "the binding itself works: the server's own calls go through it");
    }
}
