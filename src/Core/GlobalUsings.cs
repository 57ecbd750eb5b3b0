global using Sprig.Lifetime;
global using Sprig.Resolution;
