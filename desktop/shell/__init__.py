"""The top floor: main window, menus, the "too much" page and other app-wide dialogs."""
