import { render } from 'preact';
import { Popup } from '../../pages/popup/Popup';
import { popupServices } from '../../pages/popup/services';
import './style.css';

render(<Popup services={popupServices} />, document.getElementById('app')!);
