using System.Runtime.CompilerServices;
using Sprig;

namespace AotWebSample;

/// <summary>An order, as callers send it.</summary>
/// <param name="Item">What is ordered.</param>
/// <param name="Quantity">How many.</param>
public sealed record Order(string Item, int Quantity);

/// <summary>What placing an order answers.</summary>
/// <param name="Item">What was ordered.</param>
/// <param name="Quantity">How many.</param>
/// <param name="Total">The price, in cents.</param>
public sealed record Receipt(string Item, int Quantity, long Total);

/// <summary>
/// The contract of <see cref="Orders"/>, as another process sees it: Sprig.Generator generates its remote proxy class, so a
/// client calls it over HTTP under Native AOT too.
/// </summary>
[ComponentContract("Orders")]
public interface IOrders
{
    // A limit written on the contract applies to the component's route, under Native AOT as under JIT.
    [Endpoint("place")]
    [Microsoft.AspNetCore.Mvc.RequestSizeLimit(64)]
    Task<Receipt> PlaceAsync(Order order);
}

/// <summary>A plain interface (not a contract) of <see cref="Orders"/>: its method's limit applies to the endpoint implementing it.</summary>
public interface ICounter
{
    [Microsoft.AspNetCore.Mvc.RequestSizeLimit(8)]
    IAsyncEnumerable<int> CountAsync(int upTo, CancellationToken cancellationToken = default);
}

/// <summary>RPC endpoints served over HTTP by Sprig.Web, called through generated invokers (no reflection, no code made at run time).</summary>
[Service]
public sealed class Orders(Prices prices) : IOrders, ICounter
{
    [Endpoint("place")]
    public async Task<Receipt> PlaceAsync(Order order)
    {
        await Task.Yield();
        return order.Quantity > 0
            ? new Receipt(order.Item, order.Quantity, prices.Of(order.Item) * order.Quantity)
            : throw new ArgumentOutOfRangeException(nameof(order), order.Quantity, "An order needs a quantity of at least 1.");
    }

    [Endpoint("count")]
    public async IAsyncEnumerable<int> CountAsync(int upTo, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 1; i <= upTo; i++)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return i;
        }
    }
}

/// <summary>Prices, in cents.</summary>
[Component]
public sealed class Prices
{
    public long Of(string item) => item == "book" ? 1250 : 100;
}

/// <summary>A client of <see cref="IOrders"/> in another context (registered there by hand): it gets the generated remote proxy.</summary>
public sealed class Cashier(IOrders orders)
{
    public Task<Receipt> SellAsync(string item, int quantity) => orders.PlaceAsync(new Order(item, quantity));

    public string ProxyKind => orders.GetType().Name.Contains("SprigRemoteProxy_", StringComparison.Ordinal) ? "generated remote proxy" : orders.GetType().Name;
}
