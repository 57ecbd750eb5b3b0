using Sprig;

namespace Quickstart;

public interface IOrderService
{
    string Place(string item);

    int Count { get; }
}

public interface IInventoryService
{
    bool Reserve(string item);

    string Report();
}

/// <summary>Orders need the inventory...</summary>
[Service]
public class OrderService(IInventoryService inventory) : IOrderService
{
    public int Count { get; private set; }

    public string Place(string item)
    {
        Count++;
        return inventory.Reserve(item) ? $"order {Count}: {item}" : $"order {Count}: {item} is out of stock";
    }
}

/// <summary>...and the inventory reports on orders: without [Lazy] this pair would be a cycle.</summary>
[Service]
public class InventoryService([Lazy] IOrderService orders) : IInventoryService
{
    private readonly Dictionary<string, int> _stock = new() { ["book"] = 2, ["pen"] = 0 };

    public bool Reserve(string item)
    {
        if (_stock.GetValueOrDefault(item) == 0)
        {
            return false;
        }

        _stock[item]--;
        return true;
    }

    public string Report() => $"{orders.Count} orders placed, {_stock.Values.Sum()} items left";
}
