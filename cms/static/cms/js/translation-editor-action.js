// Names the translation editor's main action as the server decided (see the template
// cms/templates/wagtail_localize/admin/edit_translation.html). The editor renders on
// DOMContentLoaded; the document is parsed, and this runs, just before that.
document.addEventListener('readystatechange', () => {
    if (document.readyState !== 'interactive') {
        return;
    }
    const action = JSON.parse(
        document.getElementById('translation-editor-action').textContent,
    );
    const editor = document.querySelector('.js-translation-editor');
    const props = JSON.parse(editor.dataset.props);
    props.perms.canPublish = true;
    editor.dataset.props = JSON.stringify(props);
    // The editor writes gettext('Publish in ') + the locale's name.
    window.django.catalog['Publish in '] = action.label;
    window.django.catalog['Publishing...'] = action.progress;
});
