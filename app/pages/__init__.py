"""The app's pages, one module each; ``streamlit_app.py`` lists them in ``st.navigation``."""
