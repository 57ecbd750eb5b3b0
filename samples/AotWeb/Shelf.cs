using Microsoft.AspNetCore.Http;
using Sprig;
using Sprig.Web;

namespace AotWebSample;

/// <summary>A book on the shelf.</summary>
/// <param name="Id">Its number.</param>
/// <param name="Title">Its title.</param>
public sealed record Book(int Id, string Title);

/// <summary>
/// A [Controller] served under Native AOT through the request delegates Sprig.Generator wrote for it: route, query and JSON body
/// binding as in minimal APIs, JSON, text and IResult answers, conventional routes (GetList is GET /books/list).
/// </summary>
[Controller(Url = "/books")]
public sealed class BookController(Prices prices)
{
    private static readonly List<Book> Books = [new(1, "Dune")];

    [Get("/{id}")]
    public IResult Find(int id) => Books.FirstOrDefault(b => b.Id == id) is { } book ? Results.Ok(book) : Results.NotFound();

    public List<Book> GetList() => Books;

    [Get("/price")]
    public string Price(string item, int quantity = 1) => $"{quantity} x {item} = {prices.Of(item) * quantity} cents";

    public Book Create(Book book)
    {
        Books.Add(book);
        return book;
    }
}
