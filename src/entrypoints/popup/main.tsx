import { Popup } from '../../pages/popup/Popup';
import { popupServices } from '../../pages/popup/services';
import { markWhenShown } from '../../pages/popup/shown-mark';
import { startPage } from '../../ui/design/page';
import './style.css';

markWhenShown('vivre-popup-shown');
startPage(<Popup services={popupServices} />);
