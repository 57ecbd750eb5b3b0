using Quickstart;
using Sprig;

// Zero configuration: the context finds this application's attributed classes by itself.
// HelloService has no attribute; it is registered by name, the way SAGE's register_service does.
PendingRegistry.Instance.Register("hello_service", typeof(HelloService));

await using var context = new ApplicationContext();
context.Refresh();

var users = context.Get<UserService>();
users.Register("ada@example.com");
Console.WriteLine($"EmailService sent: {string.Join("; ", context.Get<EmailService>().Sent)}");

var hello = (HelloService)context.Get("hello_service");
Console.WriteLine($"hello_service says: {hello.Greet("Sprig")}");

var orders = context.Get<IOrderService>();
Console.WriteLine(orders.Place("book"));
Console.WriteLine(orders.Place("pen"));
Console.WriteLine($"Inventory ([Lazy] link back to orders): {context.Get<IInventoryService>().Report()}");

Console.WriteLine($"Components: {string.Join(", ", new[] { "EmailService", "UserService", "OrderService", "InventoryService", "hello_service" }.Where(context.Contains))}");
